"""Threats, incitement and extremism: positives and hard negatives in English, Roman Urdu and Urdu."""

from __future__ import annotations

import pytest

from hifazat.core.detectors.base import Item
from hifazat.core.detectors.threats import ThreatDetector
from hifazat.core.signals import Context, Signal
from hifazat.core.text.normalise import normalise


def _item(text: str) -> Item:
    return Item(text, normalise(text), "unknown", Context())


@pytest.fixture(scope="module")
def detector() -> ThreatDetector:
    return ThreatDetector()


def _signal(detector: ThreatDetector, text: str, policy: str) -> Signal | None:
    return next((s for s in detector.detect(_item(text)) if s.policy == policy), None)


# (text, policy, minimum score, evidence expected in the ORIGINAL text)
POSITIVES = [
    ("I will find you and kill you", "safety.threats", 0.9, "I will find you and kill you"),  # en: classic
    ("you're dead.", "safety.threats", 0.75, "you're dead"),  # en: short threat
    ("I'll shoot you tomorrow", "safety.threats", 0.9, "I'll shoot you"),  # en: contraction
    ("I'm gonna k1ll you", "safety.threats", 0.9, "I'm gonna k1ll you"),  # en: leet inside the verb
    ("i will kiiiiill u", "safety.threats", 0.9, "i will kiiiiill u"),  # en: stretched letters, "u"
    ("we will burn their houses", "safety.threats", 0.9, "burn their houses"),  # en: incitement against homes
    ("someone should kill him already", "safety.threats", 0.85, "someone should kill him"),  # en: call
    ("kill all christians", "safety.threats", 0.9, "kill all christians"),  # en: group
    ("Hang him!", "safety.threats", 0.8, "Hang him"),  # en: imperative at clause start
    ("death to ahmadis", "safety.threats", 0.85, "death to ahmadis"),  # en: slogan
    ("I know where you live", "safety.threats", 0.5, "I know where you live"),  # en: veiled, to review
    ("main tujhe jaan se maar dunga", "safety.threats", 0.9, "tujhe jaan se maar dunga"),  # ru: canonical
    ("tujhe maar dalunga kameene", "safety.threats", 0.9, "tujhe maar dalunga"),  # ru: dalunga
    ("tumhe maar doonga", "safety.threats", 0.9, "tumhe maar doonga"),  # ru: doonga
    ("tujhe maar dun ga", "safety.threats", 0.9, "tujhe maar dun ga"),  # ru: split "dun ga"
    ("tujhe to main maaar dunga", "safety.threats", 0.9, "tujhe to main maaar dunga"),  # ru: words between
    ("isko goli maar do", "safety.threats", 0.9, "isko goli maar do"),  # ru: imperative with target
    (
        "in kafiron ko zinda jala do",
        "safety.threats",
        0.9,
        "kafiron ko zinda jala do",
    ),  # ru: group, burn alive
    ("gustakh ki ek hi saza, sar tan se juda", "safety.threats", 0.9, "sar tan se juda"),  # ru: slogan
    ("ye banda wajib-ul-qatl hai", "safety.threats", 0.9, "wajib-ul-qatl"),  # ru: hyphenated fatwa
    ("tera kaam tamam", "safety.threats", 0.8, "tera kaam tamam"),  # ru: slang threat
    ("hum in ka ghar jala denge", "safety.threats", 0.9, "ghar jala denge"),  # ru: burn houses
    ("main usko qatal kar dunga", "safety.threats", 0.9, "usko qatal kar dunga"),  # ru: qatal
    ("tujhe nahi chhorunga", "safety.threats", 0.6, "tujhe nahi chhorunga"),  # ru: ambiguous, to review
    ("tujhe dekh lunga", "safety.threats", 0.5, "tujhe dekh lunga"),  # ru: ambiguous, to review
    ("tumhara qabristan bana denge", "safety.threats", 0.8, "qabristan bana denge"),  # ru: graveyard
    ("میں تمہیں جان سے مار دوں گا", "safety.threats", 0.9, "تمہیں جان سے مار دوں گا"),  # ur: canonical
    ("یہ شخص واجب القتل ہے", "safety.threats", 0.9, "واجب القتل"),  # ur: fatwa
    ("اسے گولی مار دو", "safety.threats", 0.9, "اسے گولی مار دو"),  # ur: imperative
    ("ان کو زندہ جلا دو", "safety.threats", 0.9, "ان کو زندہ جلا دو"),  # ur: burn alive
    ("گستاخ کی ایک ہی سزا، سر تن سے جدا", "safety.threats", 0.9, "سر تن سے جدا"),  # ur: slogan
    ("ہم ان کے گھر جلا دیں گے", "safety.threats", 0.9, "ان کے گھر جلا دیں گے"),  # ur: burn houses
    ("میں اسے قتل کر دوں گا", "safety.threats", 0.9, "اسے قتل کر دوں گا"),  # ur: murder
    ("تمہیں دیکھ لوں گا", "safety.threats", 0.5, "تمہیں دیکھ لوں گا"),  # ur: ambiguous, to review
    ("اسے سنگسار کرنا چاہیے", "safety.threats", 0.5, "سنگسار کرنا چاہیے"),  # ur: "should be stoned"
    ("agar dobara aya to teri tangen tor dunga", "safety.threats", 0.75, "tangen tor dunga"),  # ru: bones
    ("teri behan ko utha lenge", "safety.threats", 0.7, "teri behan ko utha lenge"),  # ru: abduction
    ("bomb se uda denge tumhara dafter", "safety.threats", 0.6, "bomb se uda denge"),  # ru: bombing
    ("is gaddar ko sare aam phansi do", "safety.threats", 0.5, "phansi do"),  # ru: hang him, to review
    ("میں تمہارے پورے خاندان کو ختم کر دوں گا", "safety.threats", 0.7, "تمہارے پورے خاندان کو ختم کر دوں گا"),
    ("we should burn down their mosque tonight", "safety.threats", 0.9, "burn down their mosque"),  # en
    ("ISIS zindabad", "safety.extremism", 0.8, "ISIS zindabad"),  # extremist praise
    ("سر تن سے جدا", "safety.extremism", 0.75, "سر تن سے جدا"),  # the slogan is also extremist
    ("fidayee hamla karo in par", "safety.extremism", 0.85, "fidayee hamla karo"),  # call for suicide attack
    ("let's beat him up after school", "safety.violence", 0.7, "let's beat him"),  # criminal violence
    (
        "I'm going to shoot up the school tomorrow",
        "safety.threats",
        0.85,
        "I'm going to shoot up the school",
    ),  # en: school
    ("we will bomb the mosque on friday", "safety.threats", 0.85, "we will bomb the mosque"),  # en: worship
    ("tum pe acid phenk dunga", "safety.threats", 0.9, "tum pe acid phenk dunga"),  # ru: acid, "pe"
    ("you are worthless and nobody wants you", "safety.harassment", 0.7, "nobody wants you"),  # en: isolating
    ("you're a waste of space", "safety.harassment", 0.65, "you're a waste of space"),  # en: degrading
    ("nobody likes you, just leave this app", "safety.harassment", 0.7, "nobody likes you"),  # en: isolating
    ("tujhe koi pasand nahi karta", "safety.harassment", 0.7, "tujhe koi pasand nahi karta"),  # ru: isolating
    ("تم کسی کام کے نہیں ہو", "safety.harassment", 0.7, "تم کسی کام کے نہیں"),  # ur: degrading
    ("main tera sar phaad dunga kal", "safety.threats", 0.75, "sar phaad dunga"),  # ru: head-smashing
    ("تمہارا سر پھاڑ دوں گا", "safety.threats", 0.75, "سر پھاڑ دوں گا"),  # ur: head-smashing
    (
        "Agar tum ne meri baat nahi mani to tumhari tasveerein viral kar dunga",
        "safety.harassment",
        0.85,
        "tumhari tasveerein viral kar dunga",
    ),  # ru: blackmail; the negation is in the condition
    ("if you don't stop I will kill you", "safety.threats", 0.9, "I will kill you"),  # en: conditional
    ("paise do nahi to jaan se maar dunga", "safety.threats", 0.9, "jaan se maar dunga"),  # ru: "or else"
    (
        "paise do nahi to tujhe maar dunga",
        "safety.threats",
        0.9,
        "tujhe maar dunga",
    ),  # ru: target, not "pa-ise"
    (
        "nangi video bhejo warna tumhari pics leak kar dunga",
        "safety.harassment",
        0.85,
        "nangi video bhejo warna tumhari pics leak kar dunga",
    ),  # ru: sextortion
    (
        "send nudes or I will leak your pics",
        "safety.harassment",
        0.85,
        "send nudes or I will leak your pics",
    ),  # en
    ("ek din tujhe sabak sikhaunga, yaad rakhna", "safety.threats", 0.5, "sabak sikhaunga"),  # ru: veiled
    ("bahar mil phir batata hoon tujhe", "safety.threats", 0.5, "bahar mil phir batata"),  # ru: veiled
    ("تمہیں ایسا سبق سکھاؤں گا", "safety.threats", 0.5, "سبق سکھاؤں گا"),  # ur: veiled
    ("I'll make you regret this", "safety.threats", 0.5, "I'll make you regret"),  # en: veiled
    ("someone should put a bullet in his head", "safety.threats", 0.85, "should put a bullet in his"),  # en
    ("I hope you get cancer and die slowly", "safety.harassment", 0.85, "I hope you get cancer"),  # en
    ("allah kare tu mar jaye", "safety.harassment", 0.85, "allah kare tu mar jaye"),  # ru: wishing death
    ("ان کافروں کو جینے کا کوئی حق نہیں", "safety.hate", 0.8, "کافروں کو جینے کا کوئی حق نہیں"),  # ur
    ("in logon ko jeene ka koi haq nahi", "safety.hate", 0.8, "in logon ko jeene ka koi haq nahi"),  # ru
    ("سب عیسائیوں کو ملک سے نکال دو", "safety.hate", 0.55, "سب عیسائیوں کو ملک سے نکال دو"),  # ur: expel
    ("ye log insaan nahi keeray hain", "safety.hate", 0.55, "ye log insaan nahi keeray hain"),  # ru
    ("یہ شیعہ سب کافر ہیں", "safety.hate", 0.7, "یہ شیعہ سب کافر ہیں"),  # ur: takfir of a sect
    ("پٹھان سب دہشت گرد ہوتے ہیں", "safety.hate", 0.7, "پٹھان سب دہشت گرد ہوتے"),  # ur: ethnic
    ("ye shia sab kafir hain", "safety.hate", 0.7, "ye shia sab kafir hain"),  # ru
    ("احمدیوں کا بائیکاٹ کرو", "safety.hate", 0.75, "احمدیوں کا بائیکاٹ کرو"),  # ur: boycott call
    ("qadiani ka boycott karo", "safety.hate", 0.75, "qadiani ka boycott karo"),  # ru
    ("تمہیں تو زندہ جلا دینا چاہیے", "safety.threats", 0.85, "تمہیں تو زندہ جلا دینا چاہیے"),  # ur: "you"
    ("tujhe to goli maar deni chahiye", "safety.threats", 0.85, "tujhe to goli maar deni chahiye"),  # ru
    (
        "i know where your kids go to school",
        "safety.threats",
        0.6,
        "i know where your kids go to school",
    ),  # en
    (
        "I'll be waiting outside your house tonight",
        "safety.threats",
        0.6,
        "I'll be waiting outside your house",
    ),  # en
    (
        "mujhe tumhara ghar maloom hai, yaad rakhna",
        "safety.threats",
        0.6,
        "mujhe tumhara ghar maloom hai",
    ),  # ru
    (
        "tumhare ghar ka pata mere paas hai ab",
        "safety.threats",
        0.6,
        "tumhare ghar ka pata mere paas hai",
    ),  # ru
    ("تمہارے گھر کا پتہ میرے پاس ہے", "safety.threats", 0.6, "تمہارے گھر کا پتہ میرے پاس ہے"),  # ur
    (
        "tum jaise logon ka yehi anjaam hota hai",
        "safety.threats",
        0.6,
        "tum jaise logon ka yehi anjaam hota",
    ),  # ru
    (
        "تیری شادی کیسے ہوتی ہے، میں بھی دیکھتا ہوں",
        "safety.threats",
        0.6,
        "کیسے ہوتی ہے، میں بھی دیکھتا ہوں",
    ),  # ur
    (
        "tumhari pics mere paas hain, kal tak reply karo warna",
        "safety.harassment",
        0.85,
        "tumhari pics mere paas hain, kal tak reply karo warna",
    ),  # ru: sextortion opener with "or else"
    ("تمہاری ننگی تصویریں میرے پاس ہیں", "safety.harassment", 0.55, "تمہاری ننگی تصویریں میرے پاس ہیں"),  # ur
    (
        "us ne nabi ki shaan mein gustakhi ki, usay saza do",
        "safety.threats",
        0.85,
        "gustakhi ki, usay saza do",
    ),  # ru
    (
        "اس نے توہین کی ہے، اسے زندہ مت چھوڑنا",
        "safety.threats",
        0.85,
        "توہین کی ہے، اسے زندہ مت چھوڑنا",
    ),  # ur
    ("is ko zinda nahi chhorna", "safety.threats", 0.8, "zinda nahi chhorna"),  # ru: leave none alive
    (
        "in qadianiyon ke khilaf jihad farz hai",
        "safety.threats",
        0.65,
        "qadianiyon ke khilaf jihad farz",
    ),  # ru
    ("shaam ke baad bahar nikli to yehi hoga", "safety.threats", 0.55, "to yehi hoga"),  # ru: veiled
    (
        "aurton ke saath jo hota hai theek hota hai, kapre dekho",
        "safety.hate",
        0.6,
        "aurton ke saath jo hota hai theek hota",
    ),  # ru: justifying assault
    (
        "tumhari surat dekh kar ulti aati hai",
        "safety.harassment",
        0.65,
        "tumhari surat dekh kar ulti aati",
    ),  # ru
    (
        "im gonna knock the living daylights out of him",
        "safety.threats",
        0.8,
        "im gonna knock the living daylights out of him",
    ),  # en
    (
        "we'll make sure you never walk again",
        "safety.threats",
        0.8,
        "we'll make sure you never walk again",
    ),  # en
    ("your kids are gonna pay for this", "safety.threats", 0.6, "your kids are gonna pay"),  # en: veiled
    ("post that again and you'll see what happens", "safety.threats", 0.6, "you'll see what happens"),  # en
    ("go back to your own country", "safety.hate", 0.65, "go back to your own country"),  # en: xenophobic
    ("اس کی بہن کو اٹھا لیں گے", "safety.threats", 0.85, "اس کی بہن کو اٹھا لیں گے"),  # ur: kidnapping
    ("ان کو سرعام پھانسی دو", "safety.threats", 0.85, "ان کو سرعام پھانسی دو"),  # ur: public hanging
    ("iska gala kaat do", "safety.threats", 0.85, "iska gala kaat do"),  # ru
    (
        "ان کو جلانے کا وقت آ گیا ہے",
        "safety.threats",
        0.8,
        "جلانے کا وقت آ گیا ہے",
    ),  # ur: "time to burn them"
    (
        "tumhara bandobast karte hain jald",
        "safety.threats",
        0.55,
        "tumhara bandobast karte hain",
    ),  # ru: veiled
    (
        "اگر تم نے پھر لکھا تو اچھا نہیں ہوگا",
        "safety.threats",
        0.55,
        "اگر تم نے پھر لکھا تو اچھا نہیں ہوگا",
    ),  # ur
    ("مہاجر سب قابض ہیں", "safety.hate", 0.65, "مہاجر سب قابض ہیں"),  # ur: "occupiers"
    (
        "afghani sab chor hain, inko mulk se nikalo",
        "safety.hate",
        0.7,
        "afghani sab chor hain, inko mulk se nikalo",
    ),  # ru: expel
    ("یہ لوگ معاشرے کا ناسور ہیں", "safety.hate", 0.65, "لوگ معاشرے کا ناسور ہیں"),  # ur: dehumanising
    ("mujhe maloom hai tum kahan rehte ho", "safety.threats", 0.6, "mujhe maloom hai tum kahan rehte"),  # ru
    ("i'm gonna smash your face in", "safety.threats", 0.8, "i'm gonna smash your face"),  # en: a body part
    (
        "we found out which college your sister goes to",
        "safety.threats",
        0.6,
        "we found out which college your sister goes to",
    ),
    (
        "say it again and see what happens to your shop",
        "safety.threats",
        0.6,
        "see what happens to your shop",
    ),  # en
    ("all these refugees are cockroaches", "safety.hate", 0.75, "all these refugees are cockroaches"),  # en
    ("keep it up and you're gonna get jumped", "safety.threats", 0.7, "you're gonna get jumped"),  # en
    (
        "send your address and see what happens",
        "safety.threats",
        0.6,
        "send your address and see what happens",
    ),
    (
        "ur lucky we dont know where you live",
        "safety.threats",
        0.6,
        "ur lucky we dont know where you live",
    ),  # en
    (
        "someone has to teach them a lesson",
        "safety.threats",
        0.55,
        "someone has to teach them a lesson",
    ),  # en
    ("I hope your kids die of cancer", "safety.harassment", 0.85, "I hope your kids die"),  # en: wish death
    (
        "post one more video and I will share your messages",
        "safety.harassment",
        0.85,
        "I will share your messages",
    ),
    ("Sikhs are filthy people", "safety.hate", 0.7, "Sikhs are filthy"),  # en
    ("we will track down your address", "safety.threats", 0.6, "we will track down your address"),  # en
    ("she should get raped for saying that", "safety.harassment", 0.85, "she should get raped"),  # en
    ("every journalist should be hanged", "safety.threats", 0.8, "every journalist should be hanged"),  # en
    ("the islamic state will rise again", "safety.extremism", 0.8, "islamic state will rise again"),  # en
    ("I would tap that, rate her body", "safety.harassment", 0.6, "I would tap that"),  # en
    ("imagine looking so fat in a gym video", "safety.harassment", 0.55, "imagine looking so fat"),  # en
    (
        "tum sach mein kisi kaam ki nahi ho",
        "safety.harassment",
        0.65,
        "tum sach mein kisi kaam ki nahi",
    ),  # ru
    (
        "tumhari behan ko poora mohalla jaanta hai kaisi hai",
        "safety.harassment",
        0.65,
        "tumhari behan ko poora mohalla jaanta hai kaisi",
    ),
    ("مجھے پتہ ہے تم کہاں رہتی ہو", "safety.threats", 0.6, "مجھے پتہ ہے تم کہاں رہتی"),  # ur
    (
        "sab milke uski id report karo",
        "safety.harassment",
        0.6,
        "sab milke uski id report karo",
    ),  # ru: brigading
    ("tumhari koi izzat nahi yahan", "safety.harassment", 0.55, "tumhari koi izzat nahi"),  # ru: humiliation
    (
        "woh qadiani hai, us se door raho",
        "safety.hate",
        0.6,
        "woh qadiani hai, us se door raho",
    ),  # ru: shunning
    ("عیسائی لوگ تو صفائی والے ہی ہوتے ہیں", "safety.hate", 0.65, "عیسائی لوگ تو صفائی والے ہی ہوتے"),  # ur
    (
        "تمہاری بہن کی ویڈیو وائرل کروں گا",
        "safety.harassment",
        0.85,
        "تمہاری بہن کی ویڈیو وائرل کروں گا",
    ),  # ur
    ("میں تمہیں چھوڑوں گا نہیں", "safety.threats", 0.6, "تمہیں چھوڑوں گا نہیں"),  # ur: negation after
    (
        "girls should stay in the kitchen, not on tiktok",
        "safety.hate",
        0.55,
        "girls should stay in the kitchen",
    ),
    (  # en: a call to exterminate a group, "all" between the modal and the verb
        "these migrants are a plague and they should all be exterminated",
        "safety.threats",
        0.85,
        "they should all be exterminated",
    ),
    (  # ru: threatening to give a sister's number to everyone
        "tumhari behan ka number mere paas hai, poore group mein share karunga",
        "safety.harassment",
        0.8,
        "tumhari behan ka number mere paas hai, poore group mein",
    ),
    (  # ur: the same threat in Urdu script
        "تیری بیوی کی تصویریں میرے پاس ہیں، سب کو بھیجوں گا",
        "safety.harassment",
        0.8,
        "تیری بیوی کی تصویریں میرے پاس ہیں، سب کو",
    ),
    ("sab log uski tasveerein leak kar do", "safety.harassment", 0.65, "uski tasveerein leak kar do"),  # ru
    ("tumhari behan ki!!", "safety.harassment", 0.8, "tumhari behan ki"),  # ru: the curse cut short
    ("تمہاری ماں کی", "safety.harassment", 0.8, "تمہاری ماں کی"),  # ur: the same
    (  # ru: a loan app's collector shaming a borrower
        "qist nahi di to tumhare rishtedaron ko message karenge",
        "safety.harassment",
        0.65,
        "qist nahi di to tumhare rishtedaron ko message",
    ),
    (  # en: the same, in English
        "repay today or we will text all your relatives",
        "safety.harassment",
        0.65,
        "repay today or we will text all your relatives",
    ),
    (
        "u r literally the ugliest human on tiktok",
        "safety.harassment",
        0.65,
        "u r literally the ugliest human",
    ),  # en
    ("hope ur dad gets run over by a car", "safety.harassment", 0.85, "hope ur dad gets run over"),  # en
    ("i hope she gets hit by a train", "safety.harassment", 0.85, "i hope she gets hit by a train"),  # en
    ("stop posting before we make you suffer", "safety.threats", 0.55, "before we make you suffer"),  # en
    ("ur mother should've aborted u", "safety.harassment", 0.75, "ur mother should've aborted u"),  # en
    ("girls are too dumb to drive", "safety.hate", 0.7, "girls are too dumb to drive"),  # en: gender
    ("trans people are mentally ill", "safety.hate", 0.7, "trans people are mentally ill"),  # en
    (  # en: sextortion with screenshots
        "send 500 dollars or the screenshots go to your wife",
        "safety.harassment",
        0.85,
        "send 500 dollars or the screenshots go to your wife",
    ),
    (
        "no one will ever date you, look at yourself",
        "safety.harassment",
        0.7,
        "no one will ever date you",
    ),  # en
    ("ہندوؤں کے مندر کو آگ لگا دو", "safety.threats", 0.9, "مندر کو آگ لگا دو"),  # ur: burn a temple
    ("لڑکیوں کو صرف گھر میں رہنا چاہیے", "safety.hate", 0.55, "لڑکیوں کو صرف گھر میں رہنا چاہیے"),  # ur
    (  # ru: "I have your pictures, send money"
        "mere paas tumhari pics hain, chup chaap paise bhejo",
        "safety.harassment",
        0.85,
        "mere paas tumhari pics hain, chup chaap paise bhejo",
    ),
    (
        "سب مل کر جاؤ اسے سبق سکھاؤ",
        "safety.threats",
        0.65,
        "جاؤ اسے سبق سکھاؤ",
    ),  # ur: a call to go after someone
    (  # ur: knowing where the reader's daughter studies
        "تمہاری بیٹی کا کالج ہمیں پتہ ہے",
        "safety.threats",
        0.6,
        "تمہاری بیٹی کا کالج ہمیں پتہ ہے",
    ),
]

# (text,) that must give no threat, extremism or violence signal of 0.5 or more
NEGATIVES = [
    "she was killing it on stage",  # en: idiom
    "this song kills me every time",  # en: idiom
    "the deadline is killing me",  # en: idiom
    "kill the lights and play the video",  # en: object is not a person
    "I'll kill you with kindness",  # en: idiom
    "I will kill you in this game lol",  # en: game + joke
    "kill all the zombies in level 3",  # en: non-human target
    "death to mondays",  # en: non-human target
    "police said the man threatened to kill his wife",  # en: news report
    'Saying "I will kill you" is never okay, report it',  # en: quoted counter-speech
    "I would never hurt you",  # en: negation
    "you're dead to me",  # en: estrangement, not a threat
    "shoot her a message",  # en: "shoot" a message
    "hang them on the wall",  # en: hanging pictures
    "mar gaye hassi se",  # ru: died laughing
    "hans hans ke mar gaye",  # ru: died laughing
    "maar daala is gaane ne",  # ru: the song "killed" me (past)
    "aankh maar do usko",  # ru: wink
    "goli maaro yaar is baat ko",  # ru: "forget it"
    "chakka maar dunga agli ball pe",  # ru: hit a six
    "main tujhe nahi maarunga",  # ru: negated
    "marna hai to maro, meri bala se",  # ru: "die then", not a threat by the writer
    "mardo ko bhi izzat do",  # ru: "mardo" = men
    "hamara pakistan zindabad",  # ru: patriotic, "mar" inside a word
    "ہنس ہنس کر مر گئے",  # ur: died laughing
    "مارکیٹ میں آج رش ہے",  # ur: "market" contains مار
    "ہمارا گھر بہت خوبصورت ہے",  # ur: ہمارا contains مار
    "ماشاءاللہ بہت خوبصورت ویڈیو ہے",  # ur: ordinary praise
    "meri ammi mujhe maar dengi agar late hua",  # ru: the writer is the one "threatened", by mum
    "bhai ne to aag laga di stage pe",  # ru: "set the stage on fire" (past, praise)
    "tum to dil jala dete ho apni baaton se",  # ru: "you burn my heart" (habitual)
    "مچھر مار دوائی کہاں ملے گی",  # ur: mosquito-killer medicine
    "news: man arrested for threatening to shoot neighbour",  # en: news
    "goli maaro is topic ko, chai piyo",  # ru: "forget this topic"
    "the hero kills the dragon in the final scene",  # en: story
    "I'm going to attack the problem from a different angle",  # en: attack without a place
    "we're going to bomb the exam lol",  # en: exam slang
    "This is a worthless phone, total waste of money",  # en: about a thing, not a person
    "nobody hates you, you're great",  # en: comfort
    "the teacher said nobody likes a cheater",  # en: a saying, no "you"
    "tumhari videos viral ho jayengi inshallah",  # ru: a blessing ("your videos will go viral")
    "agar tum ruko to main tumhe nahi maarunga",  # ru: negation in the consequence itself
    "I hope you get well soon",  # en: a get-well wish
    "I hope you don't die of boredom in this lecture",  # en: negated, idiom
    "sar phaad dene wali garmi hai aaj",  # ru: "head-splitting heat"
    "bahar mil ke chai peete hain",  # ru: "let's meet outside for tea"
    "teacher ne aaj naya sabak sikhaya",  # ru: a lesson at school (past)
    "hum sab ko jeene ka haq hai",  # ru: "we all have the right to live"
    "aap ki shaadi ki tasveerein mere paas hain, kal bhej doon ga",  # ru: a photographer
    "mujhe aap ka ghar maloom hai, kal mithai le kar aaunga",  # ru: a friendly visit
    "I'll be waiting outside the cinema at 7, don't be late!",  # en: meeting a friend
    "dekhte hain match kaise hota hai, main bhi dekhunga",  # ru: watching a match
    "blasphemy ke jhoote ilzam se log maare jaate hain, yeh band hona chahiye",  # ru: about false accusations
    "tauheen ke qanoon par behas honi chahiye",  # ru: a debate about the law
    "Ramzan mein jihad bil nafs sab par farz hai",  # ru: the inner struggle
    "padhai karo warna yehi haal hoga",  # not "to yehi hoga" with a threat
    "I'll go back to my village for Eid",  # en: going home
    "you should go back to your country and visit your grandparents",  # en: advice about a visit
    "my family will pay for the wedding",  # en: paying
    "she cooks in the kitchen every morning",  # en: a kitchen
    "the Taliban took over Kabul in 2021, the report says",  # en: news
    "بکرے کا گلا کاٹ دو، قصائی آ گیا ہے",  # ur: Eid slaughter
    "اگر بارش ہوئی تو اچھا نہیں ہوگا، فصل خراب ہو جائے گی",  # ur: weather
    "mazay karne ka waqt aa gaya hai",  # ru: "time to have fun"
    "کرپشن ہمارے معاشرے کا ناسور ہے",  # ur: corruption is a cancer of society
    "video report karo agar galat lage, team check karegi",  # ru: how reporting works
    "I'll break your record next season, watch me",  # en: a sports rivalry
    "شیعہ اور سنی سب بھائی ہیں",  # ur: unity
    "products ka boycott karo jo mehngi hain",  # ru: a consumer boycott
    "پٹھان بہت مہمان نواز ہوتے ہیں",  # ur: praise of a group
    "mosquitoes are everywhere this summer, they should all be killed",  # en: pests
    "teri maa ki tabiyat ab kaisi hai?",  # ru: asking after a mother's health
    "تمہاری ماں کی دعائیں ساتھ ہیں",  # ur: a mother's prayers
    "uski video viral karo, itna acha gaya hai",  # ru: praise, sharing a song
    "you're the best person on this app",  # en: praise
    "sab is video ko report karo, yeh fake khabar hai",  # ru: reporting misinformation
    "I hope you get well soon, bro",  # en: a get-well wish
    "Women are too often ignored in science",  # en: a fair point
    "pay the bill or the lights go off",  # en: utilities, no leak
    "جاؤ بیٹا، اسکول کا سبق یاد کرو",  # ur: a parent on homework
    "مجھے تمہارے گھر کا راستہ معلوم ہے، کل دعوت پر آؤں گا",  # ur: coming to dinner
]


@pytest.mark.parametrize(("text", "policy", "minimum", "evidence"), POSITIVES)
def test_finds_threats_with_evidence_in_the_original(
    detector: ThreatDetector, text: str, policy: str, minimum: float, evidence: str
) -> None:
    signal = _signal(detector, text, policy)
    assert signal is not None, f"no {policy} signal for {text!r}"
    assert signal.score >= minimum
    assert evidence in [text[s.start : s.end] for s in signal.spans]
    assert signal.detector == "threats" and signal.version == ThreatDetector.version


@pytest.mark.parametrize("text", NEGATIVES)
def test_idioms_games_news_and_counter_speech_are_not_threats(detector: ThreatDetector, text: str) -> None:
    strong = [s for s in detector.detect(_item(text)) if s.score >= 0.5]
    assert strong == []


@pytest.mark.parametrize(
    ("explicit", "ambiguous"),
    [
        ("main tujhe maar dunga", "tujhe dekh lunga"),  # ru: kill vs "I'll see you"
        ("I will kill you", "watch your back"),  # en: explicit vs veiled
        ("میں تمہیں مار دوں گا", "تمہیں دیکھ لوں گا"),  # ur: kill vs "I'll see you"
        ("isko goli maar do", "goli maar do"),  # ru: with a target vs without one
    ],
)
def test_explicit_threats_outscore_ambiguous_ones(
    detector: ThreatDetector, explicit: str, ambiguous: str
) -> None:
    high = _signal(detector, explicit, "safety.threats")
    low = _signal(detector, ambiguous, "safety.threats")
    assert high is not None and low is not None
    assert high.score >= 0.9
    assert 0.5 <= low.score < high.score


def test_a_game_or_a_joke_lowers_a_threat_towards_review(detector: ThreatDetector) -> None:
    plain = _signal(detector, "I will kill you", "safety.threats")
    joking = _signal(detector, "I will kill you lol", "safety.threats")
    assert plain is not None and joking is not None
    assert joking.score < plain.score


def test_every_signal_names_its_rules(detector: ThreatDetector) -> None:
    [signal] = detector.detect(_item("tujhe maar dalunga"))
    assert signal.note.startswith("rule:ru.")


def test_ordinary_text_gives_nothing(detector: ThreatDetector) -> None:
    assert detector.detect(_item("bohat acha video hai bhai, keep it up!")) == []
