// Builds static/shop/css/base.css: Oscar's storefront stylesheet (Bootstrap 4.6 and
// Oscar's own rules, 283 KB) cut to the selectors the storefront can use (see
// docs/architecture.md, "The base stylesheet"). Run from the repository root:
//   SITE_PACKAGES=$(.venv/bin/python -c "import site; print(site.getsitepackages()[0])") \
//     npx purgecss@6 --config scripts/purgecss.config.cjs --output /tmp/purged/
//   npx csso-cli@4 /tmp/purged/styles.css --no-restructure -o static/shop/css/base.css
//   sed -i 's#url(../webfonts/#url(../../oscar/webfonts/#g' static/shop/css/base.css
// tests/storefront/test_base_css.py fails when a storefront template uses a class of
// Oscar's stylesheet that base.css dropped.
const path = require("path");
const site = process.env.SITE_PACKAGES;  // the virtualenv's site-packages
const oscar = path.join(site, "oscar");
const django = path.join(site, "django");

module.exports = {
  css: [path.join(oscar, "static/oscar/css/styles.css")],
  content: [
    "templates/**/*.html",
    "!templates/oscar/dashboard/**",
    path.join(oscar, "templates/oscar/**/*.html"),
    "!" + path.join(oscar, "templates/oscar/dashboard/**"),
    path.join(django, "forms/templates/django/forms/**/*.html"),
    "shop/**/*.py",
    "blog/**/*.py",
    path.join(oscar, "apps/**/*.py"),
    path.join(oscar, "forms/**/*.py"),
    path.join(oscar, "templatetags/**/*.py"),
    "static/shop/js/**/*.js",
    path.join(oscar, "static/oscar/js/oscar/ui.js"),
    path.join(oscar, "static/oscar/js/bootstrap4/bootstrap.bundle.js"),
  ],
  safelist: {
    // Classes that scripts add, or templates build from values (col-md-{{ n }},
    // badge-{{ status }}, the star rating's word).
    standard: [/^show$/, /^collaps/, /^fade$/, /^modal/, /^dropdown/, /^active$/, /^disabled$/,
      /^was-validated$/, /^is-(in)?valid$/, /^(in|out)?stock/, /^(One|Two|Three|Four|Five)$/,
      /^col-/, /^alert-/, /^btn-/, /^badge-/, /^text-/, /^bg-/, /^border-/, /^order-/],
    greedy: [/tooltip/, /popover/],
  },
  fontFace: false,
  keyframes: true,
  variables: false,
};
