"""The delivery information page, generated from the same rules checkout uses."""

from datetime import timedelta
from decimal import Decimal

from django.views.generic import TemplateView

from shop.shipping import quotes, rules
from shop.shipping.forms import PostcodeCheckForm
from shop.shipping.postcodes import describe_highlands_islands
from shop.shipping.summary import delivery_answers
from shop.workdays.calendar import business_calendar


class DeliveryInformationView(TemplateView):
    template_name = "shipping/delivery_information.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        methods = rules.offered_methods(request)
        calendar = business_calendar(request)
        horizon = calendar.start + timedelta(days=60)
        headline = rules.headline_method(request)
        context.update(
            methods=[
                (method, rules.estimate_for(method, request=request), quotes.tariff(method))
                for method in methods
            ],
            headline_tariff=quotes.tariff(headline) if headline else None,
            answers=delivery_answers(methods, headline),
            closures=calendar.upcoming_closures(),
            bank_holidays=calendar.bank_holidays_between(calendar.start, horizon),
            highlands_islands=describe_highlands_islands(),
            postcode_form=self.postcode_check(methods),
        )
        return context

    def postcode_check(self, methods) -> PostcodeCheckForm:
        form = PostcodeCheckForm(self.request.GET if "postcode" in self.request.GET else None)
        if form.is_bound and form.is_valid():
            zone = form.zone
            form.zone_label = zone.label
            # What one item costs there, and what is left when delivery is free.
            form.results = [
                quotes.for_goods(method, goods_total=Decimal("0.00"), items=1, zone=zone)
                for method in methods
                if method.serves(zone)
            ]
        return form
