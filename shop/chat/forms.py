"""Chat forms for visitors and staff: plain text, length-limited, every field checked."""

from django import forms
from django.utils.safestring import mark_safe

from shop.chat.models import CannedReply, Message, OpeningHours

MESSAGE_HELP = f"Up to {Message.MAX_LENGTH} characters."


def message_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=Message.MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": Message.MAX_LENGTH}),
        error_messages={
            "required": "Write a message first.",
            "max_length": f"Messages can be up to {Message.MAX_LENGTH} characters; "
            "please split it in two.",
        },
    )


class StartChatForm(forms.Form):
    """Who is asking, their consent, and the first message (online or left for later)."""

    name = forms.CharField(label="Your name", max_length=80, strip=True)
    email = forms.EmailField(
        label="Your e-mail", help_text="So we can reply if you have to go.", max_length=254
    )
    message = message_field("Your question")
    consent = forms.BooleanField(
        label=mark_safe(  # noqa: S308 (fixed text)
            'I agree to the <a href="/legal/privacy/">privacy notice</a>: '
            "this conversation is kept to answer me, then deleted."
        ),
        error_messages={"required": "Please agree to the privacy notice so we can answer you."},
    )
    page = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Tell us your name.")
        return name


class MessageForm(forms.Form):
    body = message_field("Your message")


class StaffReplyForm(forms.Form):
    body = message_field("Reply")
    canned = forms.ModelChoiceField(
        CannedReply.objects.all(),
        required=False,
        label="Canned reply",
        help_text="Without JavaScript: choose one and leave the reply empty to send it as it is.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].required = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("body") and cleaned.get("canned"):
            cleaned["body"] = cleaned["canned"].body
        if not cleaned.get("body") and not self.has_error("body"):
            self.add_error("body", "Write a reply or choose a canned reply.")
        return cleaned


class CannedReplyForm(forms.ModelForm):
    class Meta:
        model = CannedReply
        fields = ["title", "body", "position"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class OpeningHoursForm(forms.Form):
    """One weekday's hours in the weekly hours screen; both times empty means closed."""

    weekday = forms.IntegerField(min_value=0, max_value=6, widget=forms.HiddenInput)
    opens = forms.TimeField(required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    closes = forms.TimeField(required=False, widget=forms.TimeInput(attrs={"type": "time"}))

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens"), cleaned.get("closes")
        if (opens is None) != (closes is None):
            raise forms.ValidationError("Give both times, or neither for a closed day.")
        if opens and closes and closes <= opens:
            self.add_error("closes", "Chat must close after it opens.")
        return cleaned


class BaseOpeningHoursFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        days = [form.cleaned_data.get("weekday") for form in self.forms]
        if sorted(days) != list(range(7)):
            raise forms.ValidationError("Each day of the week must appear once.")


OpeningHoursFormSet = forms.formset_factory(
    OpeningHoursForm,
    formset=BaseOpeningHoursFormSet,
    extra=0,
    min_num=7,
    max_num=7,
    validate_min=True,
    validate_max=True,
)


def hours_initial() -> list[dict]:
    rows = {h.weekday: h for h in OpeningHours.objects.all()}
    return [
        {
            "weekday": day,
            "opens": rows[day].opens if day in rows else None,
            "closes": rows[day].closes if day in rows else None,
        }
        for day in range(7)
    ]
