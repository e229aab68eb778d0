"""Scams: realistic Pakistani scam messages (our own, in the styles of the advisories) and hard negatives."""

from __future__ import annotations

import pytest

from hifazat.core.detectors.base import Item
from hifazat.core.detectors.scams import ScamDetector
from hifazat.core.signals import Context, Signal
from hifazat.core.text.normalise import normalise


def _item(text: str) -> Item:
    return Item(text, normalise(text), "unknown", Context())


@pytest.fixture(scope="module")
def detector() -> ScamDetector:
    return ScamDetector()


def _scam(detector: ScamDetector, text: str) -> Signal | None:
    signals = detector.detect(_item(text))
    assert all(s.policy == "regulated.scams" for s in signals)
    return signals[0] if signals else None


# (message, minimum score, evidence that must be among the spans of the ORIGINAL text)
SCAM_MESSAGES = [
    (  # ru: BISP payout + number to call
        "Benazir income support programme se ap ko Rs 25,000 mubarak hon. Maloomat ke "
        "liye 0301-2345678 per call karen.",
        0.8,
        "0301-2345678",
    ),
    (  # ru: fake "8171" message from a mobile number
        "Ap ne 8171 per SMS kiya tha. Ap ki Rs 12,000 imdad manzoor ho gai hai. Is 0345 "
        "1234567 per rabta karein.",
        0.8,
        "imdad manzoor",
    ),
    (  # ru: BISP installment + look-alike portal
        "BISP ki nayi qist 25000 hasil karein, abhi register karein: bisp-8171-registration.com",
        0.9,
        "bisp-8171-registration.com",
    ),
    (  # ru: TV-show lucky draw, WhatsApp number
        "Jeeto Pakistan show mein apke number ki qurandazi hui hai, ap 2 lakh cheque aur 3 tola gold win kar "
        "chuke hain. WhatsApp 0321-1234567 per contact karein.",
        0.8,
        "qurandazi",
    ),
    (  # en: prize + CNIC ask
        "Congratulations! You are selected for Rs 25,000. Send your CNIC now.",
        0.8,
        "Send your CNIC",
    ),
    (  # ru: wallet blocked + OTP theft ("PIN chor")
        "Aap ka JazzCash account block ho gaya hai. Jo 6 digit code aya hai wo foran "
        "bata dein warna account band.",
        0.9,
        "account block",
    ),
    (  # ru: mistaken transfer
        "Bhai ghalti se aapke number par 5000 Easypaisa chale gaye, code aaya hoga wo bhej dein please",
        0.85,
        "code aaya hoga wo bhej",
    ),
    (  # en: Pakistan Post parcel + look-alike link
        "(PakPost) The package cannot be delivered due to incorrect address. Update your "
        "address: pakpost-track.top",
        0.9,
        "pakpost-track.top",
    ),
    (  # ur: parcel held + short link
        "آپ کے ایڈریس کی تفصیلات نہ ہونے کے باعث آپ کا پارسل روک لیا گیا ہے۔ تفصیل: bit.ly/pk-post",
        0.6,
        "bit.ly/pk-post",
    ),
    (  # ru: job + registration fee by Easypaisa
        "Ghar baithe online typing job, rozana 3000 rs kamaein! Registration fee sirf "
        "500 Easypaisa karein 03001112223",
        0.85,
        "03001112223",
    ),
    (  # ur: lucky draw + number
        "مبارک ہو! لکی ڈرا میں آپ کا انعام نکلا ہے، 03001234567 پر فوراً رابطہ کریں",
        0.8,
        "لکی ڈرا",
    ),
    (  # ur: PIN ask on its own
        "اپنا پن کوڈ بتائیں تاکہ آپ کا اکاؤنٹ بحال ہو سکے",
        0.7,
        "پن کوڈ بتا",
    ),
    (  # ru: investment doubling + WhatsApp
        "Paisa double karo sirf 7 din mein, guaranteed profit! WhatsApp 03001234567",
        0.75,
        "Paisa double",
    ),
    (  # ru: instant loan + processing fee
        "Instant loan 50,000 bina guarantee! Processing fee 1500 JazzCash karein is number par 0333-7654321",
        0.85,
        "Processing fee 1500 JazzCash",
    ),
    (  # en: fake creator giveaway
        "FREE iPhone giveaway! First 100 people claim your gift here bit.ly/gift-pk",
        0.65,
        "bit.ly/gift-pk",
    ),
    (  # a homoglyph domain is phishing on its own
        "Login karein: jаzzcash.com/verify",
        0.85,
        "jаzzcash.com/verify",
    ),
    (  # ru: WhatsApp hijack under a degree-verification pretext
        "Assalam o alaikum, HEC se degree verification ke liye call hai. Aap ke number par 6 digit code "
        "aya hai wo share kar dein",
        0.85,
        "6 digit code aya hai wo share",
    ),
    (  # en: "State Bank blocked your ATM card" from a personal number
        "State Bank has blocked your ATM card due to non verification. Call 0300-7654321 immediately.",
        0.75,
        "blocked your ATM",
    ),
    (  # ru: Ehsaas selection + WhatsApp number
        "Mubarak ho! Aap ka number Ehsaas program mein select ho gaya hai, 12000 rupay hasil karne ke liye "
        "0312-9876543 par WhatsApp karein",
        0.8,
        "0312-9876543",
    ),
    (  # en: bank suspension + look-alike login page
        "Dear customer your Meezan account will be suspended. Verify now: meezan-secure-login.com",
        0.9,
        "meezan-secure-login.com",
    ),
    (  # ur: SIM block in two hours + CNIC ask
        "آپ کا سم کارڈ دو گھنٹے میں بند کر دیا جائے گا، تصدیق کے لیے اپنا شناختی کارڈ نمبر بھیجیں",
        0.7,
        "شناختی کارڈ نمبر بھیج",
    ),
    (  # en: courier redelivery fee + look-alike domain
        "Leopards courier: your parcel is on hold, pay Rs 150 redelivery charges at leopards-pk.xyz",
        0.7,
        "redelivery charges",
    ),
    (  # ru: cashback lure + PIN ask
        "Easypaisa se 5000 ka cashback jeetein! Apna PIN reply karein",
        0.8,
        "PIN reply",
    ),
    (  # ru: investment + Telegram link
        "Online earning! Sirf 1000 rupay invest karo aur roz 500 kamao. Join telegram t.me/earnfast",
        0.5,
        "t.me/earnfast",
    ),
    (  # en: overseas job + visa fee
        "Job offer Dubai! Visa processing fee 15000 advance JazzCash karein 0345-1122334",
        0.85,
        "0345-1122334",
    ),
    (  # en: PTA SIM-block robocall text
        "This is PTA. All SIMs on your CNIC will be blocked within 2 hours. Press 9 and "
        "share your CNIC number.",
        0.8,
        "share your CNIC number",
    ),
    (  # ru: a relative impersonated from a "new number", wallet transfer
        "bhai ye mera naya number hai, urgent 5000 easypaisa kar do, kal wapas kar doonga",
        0.75,
        "ye mera naya number",
    ),
    (  # ur: the same, in Urdu script
        "امی یہ میرا نیا نمبر ہے، فوری طور پر 5000 روپے ایزی پیسہ کر دیں",
        0.8,
        "ایزی پیسہ کر دیں",
    ),
]

SCAM_MESSAGES += [
    ("Easypaisa se 500 bhejo aur 5000 jeeto, offer sirf aaj ke liye", 0.85, "500 bhejo aur 5000 jeeto"),  # ru
    (  # ru: job abroad with a "medical" fee
        "Dubai mein naukri, visa free, sirf medical ke 15000 jama karwayein",
        0.85,
        "medical ke 15000 jama",
    ),
    ("یہ میرا نیا نمبر ہے، فوری طور پر 20 ہزار بھیج دو ایمرجنسی ہے", 0.85, "20 ہزار بھیج دو"),  # ur
    (  # ru: a job lure with a fee paid by wallet (bait + ask)
        "Ghar baithe online job, daily 3000 kamao, registration fee sirf 1000 jazzcash karo",
        0.85,
        "registration fee sirf 1000 jazzcash",
    ),
    ("whatsapp pe rabta karein 0300-1234567 loan 5 minute mein", 0.8, "loan 5 minute mein"),  # ru
    (  # ru: PTA robocall (research notes 3.4)
        "PTA ki taraf se call hai, aap ke CNIC pe shikayat hai, 2 ghante mein tamam SIMs block ho jayengi, 9 dabayein",
        0.85,
        "PTA ki taraf se",
    ),
    (  # ru: "army officer" extortion (3.9)
        "Main Pakistan Army ka major bol raha hoon, aap ke khilaf case hai, foran 50000 jama karwayein warna "
        "giraftari hogi",
        0.85,
        "50000 jama karwayein",
    ),
    ("Sorry ghalti se code aap ke number par chala gaya, please bhej dein", 0.85, "chala gaya"),  # ru: 3.5
    (
        "Bhai emergency hai, 15000 bhej do kal wapas kar dunga, naye number se message kar raha hoon",
        0.85,
        "15000 bhej do",
    ),
    ("Non custom iPhone 13 sirf 15000 mein, half advance easypaisa karein", 0.85, "Non custom"),  # ru: 3.6
    (
        "Qatar mein driver ki jobs, processing fee 4000 jama karwayein",
        0.85,
        "Qatar mein driver ki jobs",
    ),  # 3.7
    (
        "Binance pe register karo aur hamare app mein invest karo, rozana 5% profit",
        0.85,
        "invest karo",
    ),  # 3.8
    ("One Queen One Life: 3.5 lakh lagao, 6 mahine mein 18 lakh pao", 0.85, "5 lakh lagao"),  # ru: 3.8
    (  # ru: bank impersonation with a number
        "State Bank ne aap ka ATM card block kar diya hai, is number pe call karein 0345-1122334",
        0.9,
        "0345-1122334",
    ),
    (
        "بی آئی ایس پی کی طرف سے آپ کو 25000 روپے منظور ہوئے ہیں، اس نمبر پر رابطہ کریں 03001234567",
        0.9,
        "03001234567",
    ),
    (  # ru: a BISP instalment as bait, CNIC and code asked "by SMS"
        "Mubarak ho, BISP ki nayi qist aa chuki hai. Apna CNIC aur verification code is number par SMS kar dein 03121234567",
        0.85,
        "code is number par SMS kar",
    ),
    (  # ru: a relative impersonated from a new number
        "Salam, main aap ka bhanja hoon, naye number se likh raha hoon, foran 15 hazar jazzcash kar dein",
        0.75,
        "naye number se",
    ),
    (  # en: account suspension with a look-alike log-in link
        "Your PayPal account will be suspended. Verify now at paypal-secure-login.com",
        0.85,
        "Verify now at paypal-secure-login.com",
    ),
    ("آپ کے نمبر پر کوڈ آیا ہے، جلدی سے بتا دیں", 0.85, "آپ کے نمبر پر کوڈ آیا ہے"),  # ur: WhatsApp hijack
    ("Dad it's me, my new number, phone broke. Please transfer 15000 today", 0.7, "transfer 15000"),  # en
    (  # en: a romance scam by a "soldier abroad" asking for gift cards
        "Hello dear, I am a UN peacekeeping officer in Sudan, please buy me some Steam gift cards",
        0.8,
        "buy me some Steam gift cards",
    ),
    (  # ur: an "army officer" says the number was used against the state, threatens arrest
        "میں آرمی کا افسر بات کر رہا ہوں، آپ کے نمبر سے غیر قانونی سرگرمیاں ہوئی ہیں، ورنہ گرفتاری ہوگی، فوری رابطہ کریں",
        0.8,
        "میں آرمی کا افسر بات کر رہا",
    ),
    ("Dad this is my new number, please transfer €300 today, I will explain", 0.7, "transfer €300"),  # en
    (  # ur: a lucky-draw prize with a fee by JazzCash, spelt جیز کیش
        "مبارک ہو آپ کا نمبر قرعہ اندازی میں نکلا ہے، انعام کے لیے 300 روپے فیس جیز کیش کریں",
        0.8,
        "فیس جیز کیش",
    ),
    ("آن لائن کام کریں اور کمائیں، 1500 روپے رجسٹریشن فیس", 0.5, "1500 روپے رجسٹریشن فیس"),  # ur: job fee
    ("آپ کا پیکج کسٹم میں رکا ہے، ڈیوٹی ادا کریں", 0.6, "پیکج کسٹم"),  # ur: parcel duty
]

NOT_SCAMS = [
    # advisory
    "Apna OTP kisi ko na batayein. BISP kabhi fee nahi leta, sirf 8171 se aane wale message asli hain.",
    "Beware: jazzcash-bonus.xyz is fake, report it",  # warning that names a scam domain
    "ہوشیار رہیں! کوئی بھی آپ سے او ٹی پی مانگے تو یہ فراڈ ہے",  # ur: advisory
    "Eid mubarak ho aap sab ko, 2 din ki chutti",  # greeting with a number
    "Pakistan jeet gaya! zabardast match tha",  # cricket
    "order ke liye whatsapp karein 0300-1234567",  # a shop's own contact
    "Check official info at https://www.bisp.gov.pk",  # official site
    "mashallah bohat acha video hai",  # ordinary comment
    "JazzCash se bill pay kiya, bohat asaan hai",  # talking about a wallet
    "the code for this tutorial is on github",  # "code" without an ask
    "JazzCash ki app update ho gayi, ab bill payment aur asaan hai",  # wallet news
    "BISP ki qist lene gaye the, line bohat lambi thi",  # talking about BISP
    "Mere channel par aaj giveaway ka result announce hoga, winners ko DM karunga",  # a real giveaway
    "congratulations bhai on your new job!",  # congratulations
    "ammi ye mera naya number hai, save kar lein",  # a new number without any ask
    "Dubai mein naukri mil gayi alhamdulillah, medical ho gaya",  # good news, no ask
    "bhai 500 bhejo aur 5 mint mein wapas le lo",  # money between friends, no prize
    "خالہ کو 20 ہزار بھیج دو، علاج کے لیے چاہیے",  # family money, no lure
    "ghalti se code share ho gaya, ab kya karun?",  # a victim asking for help
    "PTA ki taraf se advisory: apna OTP kisi ko na batayein",  # a real advisory
    "State Bank ne aaj interest rate kam kar diya",  # news
    "Mutual fund mein invest karo, lamba sochein",  # advice, no bait
    "non custom phone lena theek hai? PTA tax kitna hai",  # a question
    "Emergency hai, blood chahiye O negative, Jinnah hospital, rabta karein 0300-1234567",  # blood appeal
    "Loan app se qarz liya tha, ab wo meri tasveerein contacts ko bhej rahe hain, kya karun?",  # a victim
    "naye number se message kar raha hoon, purana kho gaya, save kar lo",  # a new number, no ask
    "BISP ki qist aa gayi hai, ammi ko bank le kar jana hai",  # a real instalment, no ask
    "Tournament registration fee 500 hai, winners ko trophy milegi",  # a real fee, no bait
    "I earn 50000 a month as a teacher, alhamdulillah",  # talking about a salary
    "Please verify your email address in the app settings",  # app instructions, no link
    "mere number pe code aya hai, kya karun?",  # a person asking for help
    "please send 100 likes to this video lol",  # likes, not money
    "I got an Amazon gift card for my birthday!",  # a gift, no ask
]


@pytest.mark.parametrize(("text", "minimum", "evidence"), SCAM_MESSAGES)
def test_realistic_scam_messages_score_high(
    detector: ScamDetector, text: str, minimum: float, evidence: str
) -> None:
    signal = _scam(detector, text)
    assert signal is not None, f"no scam signal for {text!r}"
    assert signal.score >= minimum
    assert any(evidence in text[s.start : s.end] for s in signal.spans), [
        text[s.start : s.end] for s in signal.spans
    ]


@pytest.mark.parametrize("text", NOT_SCAMS)
def test_advisories_and_ordinary_text_are_not_scams(detector: ScamDetector, text: str) -> None:
    signal = _scam(detector, text)
    assert signal is None or signal.score < 0.5


def test_evidence_adds_up(detector: ScamDetector) -> None:
    lure = _scam(detector, "aap ka inaam nikla hai")
    lure_ask = _scam(detector, "aap ka inaam nikla hai, apna CNIC number bhejein")
    lure_ask_phone = _scam(detector, "aap ka inaam nikla hai, apna CNIC number bhejein 0300-1234567 par")
    assert lure is not None and lure_ask is not None and lure_ask_phone is not None
    assert lure.score < 0.5 < lure_ask.score < lure_ask_phone.score


def test_note_lists_the_evidence(detector: ScamDetector) -> None:
    signal = _scam(detector, "BISP ki qist 25000 hasil karein bisp-8171-registration.com")
    assert signal is not None
    assert signal.note == "scam:lure=income-support;link=brand(bisp)"


def test_urdu_digits_in_phone_numbers_count(detector: ScamDetector) -> None:
    signal = _scam(detector, "لکی ڈرا میں آپ کا انعام نکلا ہے، ۰۳۰۰۱۲۳۴۵۶۷ پر رابطہ کریں")
    assert signal is not None
    assert "phone" in signal.note
