"""Demo data for the Safety Ambassadors programme (`hifazat setup --demo`): `sana_ambassador`'s profile,
a #SaferTogether campaign with a past and an upcoming event, two teaching materials and one application
waiting for a decision. Running it again changes nothing."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from hifazat.core.errors import NotFoundError
from hifazat.services.ambassador_programme import (
    KARACHI,
    CampaignDraft,
    EventDraft,
    MaterialDraft,
    record_attendance,
    save_campaign,
    save_event,
    save_material,
)
from hifazat.services.ambassadors import AmbassadorStores, ApplicationDraft, apply
from hifazat.services.clock import utcnow
from hifazat.storage.ambassadors import Platform

AMBASSADOR = "sana_ambassador"
CAMPAIGN = "safer-together"
MATERIALS = (
    MaterialDraft(
        slug="spot-a-scam",
        title_en="Spot a scam: prize, BISP and OTP tricks",
        title_ur="دھوکا پہچانیں: انعام، بی آئی ایس پی اور او ٹی پی کے جھانسے",
        summary_en="A ten-minute lesson for parents on the scams most often sent to Pakistani phones.",
        summary_ur="والدین کے لیے دس منٹ کا سبق: پاکستانی فونز پر سب سے زیادہ آنے والے دھوکے۔",
        audience="parents",
        language="ur",
        body="اگر کوئی کہے کہ آپ کا انعام نکلا ہے اور پہلے فیس بھیجیں، تو یہ دھوکا ہے۔\n\n"
        "بی آئی ایس پی کبھی بھی آپ سے او ٹی پی کوڈ نہیں مانگتا۔ کوڈ کسی کو نہ بتائیں۔\n\n"
        "شک ہو تو بات روک دیں، نمبر بلاک کریں اور ایپ میں رپورٹ کریں۔",
    ),
    MaterialDraft(
        slug="kind-comments",
        title_en="Kind comments: a lesson for teens",
        title_ur="اچھے تبصرے: نوجوانوں کے لیے ایک سبق",
        summary_en="How to disagree without bullying, and what to do when comments turn nasty.",
        summary_ur="بدتمیزی کے بغیر اختلاف کیسے کریں، اور جب تبصرے تکلیف دہ ہو جائیں تو کیا کریں۔",
        audience="teens",
        language="en",
        body="Before you post, ask: would I say this to their face?\n\n"
        "If a comment hurts you, you can filter words, restrict the person or report the comment.",
    ),
)


def seed_ambassador_demo(stores: AmbassadorStores) -> list[str]:
    """Add the programme's demo data inside the demo's transaction; returns lines to print."""
    admin = stores.accounts.get("admin")
    sana = stores.accounts.get(AMBASSADOR)
    if stores.ambassadors.profile(sana.id) is None:
        stores.ambassadors.start_profile(
            account_id=sana.id, languages=("ur", "roman-ur"), region="sindh", now=utcnow()
        )
        stores.ambassadors.edit_profile(
            sana.id,
            bio_en="Karachi food creator. I teach parents and teens how to spot scams and report bullying.",
            bio_ur="کراچی کی فوڈ کریئیٹر۔ والدین اور نوجوانوں کو دھوکا پہچاننا اور بدتمیزی کی رپورٹ کرنا سکھاتی ہوں۔",
        )
    for draft in MATERIALS:
        try:
            stores.programme.material(draft.slug)
        except NotFoundError:
            save_material(stores=stores, actor=admin, draft=draft)
    try:
        campaign = stores.programme.campaign(CAMPAIGN)
    except NotFoundError:
        today = utcnow().astimezone(KARACHI).date()
        campaign = save_campaign(
            stores=stores,
            actor=admin,
            draft=CampaignDraft(
                slug=CAMPAIGN,
                title_en="#SaferTogether",
                title_ur="#سیفرٹوگیدر",
                summary_en="Creators and experts talk about misinformation, harassment and online scams, in"
                " cities across Pakistan and online.",
                summary_ur="تخلیق کار اور ماہرین پاکستان کے مختلف شہروں میں اور آن لائن غلط معلومات، ہراسانی"
                " اور آن لائن دھوکا دہی پر بات کرتے ہیں۔",
                starts_on=today - timedelta(days=30),
                ends_on=today + timedelta(days=60),
            ),
        )
    if not stores.programme.events(campaign_id=campaign.id):
        day = utcnow().astimezone(KARACHI).date()
        past = save_event(
            stores=stores,
            actor=admin,
            draft=EventDraft(
                title_en="Creators' panel: staying safe online",
                title_ur="تخلیق کاروں کا پینل: آن لائن محفوظ کیسے رہیں",
                summary_en="Misinformation, harassment and cyberbullying, and online scams.",
                summary_ur="غلط معلومات، ہراسانی اور سائبر بُلنگ، اور آن لائن دھوکا دہی۔",
                starts_at=datetime.combine(day - timedelta(days=10), time(16, 0)),
                minutes=90,
                capacity=150,
                city="Karachi",
                venue="Arts Council of Pakistan",
                campaign=CAMPAIGN,
                speakers=("@" + AMBASSADOR, "Dr Farah Qureshi"),
                materials=("spot-a-scam",),
            ),
        )
        record_attendance(stores=stores, actor=admin, event_id=past.id, attendance=128)
        save_event(
            stores=stores,
            actor=admin,
            draft=EventDraft(
                title_en="Online workshop: the Community Guidelines for new creators",
                title_ur="آن لائن ورکشاپ: نئے تخلیق کاروں کے لیے کمیونٹی گائیڈ لائنز",
                summary_en="What is allowed, what is not, and how to appeal a decision.",
                summary_ur="کیا جائز ہے، کیا نہیں، اور کسی فیصلے کے خلاف اپیل کیسے کی جائے۔",
                starts_at=datetime.combine(day + timedelta(days=14), time(19, 0)),
                minutes=60,
                capacity=500,
                online_url="https://example.org/safer-together-live",
                campaign=CAMPAIGN,
                speakers=("@" + AMBASSADOR,),
                materials=("spot-a-scam", "kind-comments"),
            ),
        )
    bilal = stores.accounts.get("bilal")
    if bilal.role == "user" and stores.ambassadors.latest_application(bilal.id) is None:
        apply(
            stores=stores,
            applicant=bilal,
            draft=ApplicationDraft(
                motivation="I run a cricket channel for teenagers in Lahore and want to teach them how to handle"
                " trolls and report hate speech.",
                languages=("en", "pa", "ur"),
                platforms=(Platform("youtube", 42_000), Platform("tiktok", 18_500)),
                region="punjab",
                agrees_to_code=True,
            ),
        )
    return [
        "",
        "Safety Ambassadors (web): /ambassadors — sign in as sana_ambassador for /ambassadors/me,",
        "  as admin or senior for /ambassadors/admin (bilal's application is waiting there).",
    ]
