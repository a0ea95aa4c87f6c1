"""The home page: the landing page Marketing published as the home page (shop.landing),
or, until there is one, both product lines with their sections and featured products."""

from django.views.generic import TemplateView

from shop.catalogue.lines import product_lines
from shop.chat.hours import weekly_hours
from shop.landing.models import LandingPage
from shop.landing.views import page_context, with_blocks
from shop.seo import jsonld


class HomeView(TemplateView):
    template_name = "storefront/home.html"
    page = None

    def get(self, request, *args, **kwargs):
        self.page = with_blocks(LandingPage.objects.all()).home()
        return super().get(request, *args, **kwargs)

    def get_template_names(self):
        return ["landing/page.html"] if self.page else [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        if self.page:
            context.update(page_context(request, self.page), is_home=True)
        else:
            context["product_lines"] = product_lines()
        context["jsonld"] = [
            jsonld.organization(request, chat_hours=weekly_hours(request)),
            jsonld.website(request),
        ]
        return context
