"""A small bilingual lexicon of claim-relevant words: English, Roman Urdu and Urdu script.

Lexical overlap between an English post and an Urdu claim is otherwise limited to names. Each
line below is one *concept* and the ways people write it in the three languages; `concept_of`
turns a word into its concept id (`@child`), so `children`, `bachon`, `bache` and `بچوں` count as
the same word. Roman Urdu forms are also matched by their spelling-variant key from `core.text.variants`
(`bachon`, `bachchon` → `bchn`), which absorbs most spelling variants; the consonant skeleton is too lossy
for that (`imran` and `marne` share `mrn`). Written by hand for the themes misinformation in Pakistan keeps
returning to (vaccines, floods, elections, money, health, religion); it is not exhaustive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hifazat.core.text.variants import variant_key

_LINES = """
child: child children kid kids baby babies infant infants schoolchildren pupils students | bacha bache bachay bachon bachche bachi bachiyan talaba | بچہ بچے بچوں بچی بچیاں بچیوں طلبہ طالب_علم
drops: drop drops dose doses | qatre qatray qatron qatra | قطرے قطروں قطرہ
vaccine: vaccine vaccines vaccinated vaccination vaccinators jab jabs shot shots injection injections | vaccine tika teeka tikay teekay injection | ویکسین ٹیکہ ٹیکے ٹیکا انجکشن
polio: polio | polio | پولیو
infertile: infertile sterile sterilise sterilize sterilising infertility | banjh banjhpan | بانجھ بانجھ_پن
plan: plan plot conspiracy agenda scheme | mansooba mansuba sazish saazish agenda | منصوبہ سازش ایجنڈا
muslim: muslim muslims ummah | musalman musalmanon muslim | مسلمان مسلمانوں امت
pig: pork pig pigs swine | suar suwar khinzeer khinzir | سور خنزیر
fat: gelatin gelatine fat lard | charbi | چربی
haram: haram forbidden unlawful | haram | حرام
faint: faint fainting fainted unconscious collapse collapsed | behosh behoshi | بے_ہوش بیہوش بےہوش
die: die died dead death deaths dying killed kill kills murder murdered | mar marna marne maut mout jaan_bahaq murda murde halak qatal qatl | مر مرنا موت جاں_بحق ہلاک مردہ مردے انتقال قتل
three: three 3 | teen | تین
two: two 2 | do | دو
spy: spy spies spying agent agents espionage | jasoos jasus jasoosi | جاسوس جاسوسی
data: data information | data maloomat malumat | ڈیٹا معلومات
household: household households home homes house houses | ghar gharon | گھر گھروں
paralysis: paralysis paralysed paralyzed paralyses paralyse disabled crippled | falij apahij mazoor | فالج اپاہج معذور
expired: expired expiry expire | expire expired miyad | ایکسپائر میعاد زائد_المیعاد
government: government govt authorities administration | hukumat hakumat sarkar hukkam intezamia | حکومت سرکار حکام انتظامیہ
campaign: campaign drive round | muhim mohim campaign | مہم
aids: hiv aids | aids hiv | ایڈز ایچ_آئی_وی
flood: flood floods flooded flooding floodwater floodwaters | selab sailab seilab flood | سیلاب سیلابی
rescue: rescue rescued rescuing rescuers save saved | rescue bachaya bachana nikala | ریسکیو بچایا بچانا نکالا
sweep: swept washed sweeping | beh bah | بہہ بہ
school: school schools | school iskool | سکول اسکول
tsunami: tsunami | tsunami sunami | سونامی
dam: dam dams | dam | ڈیم
crack: crack cracked cracking | crack darar | کریک دراڑ شگاف
burst: burst break | phat toot | پھٹ ٹوٹ
hours: hours hour | ghante ghanton ghanta | گھنٹے گھنٹوں گھنٹہ
hacker: hacker hackers hacked | hacker hack | ہیکر ہیکرز ہیک
account: account accounts | account khata khate | اکاؤنٹ اکاؤنٹس کھاتہ کھاتے کھاتوں
bridge: bridge | pul pull | پل
india: india indian | india bharat | بھارت انڈیا ہندوستان
water: water | pani paani | پانی
army: army soldiers soldier military troops | fauj foj army fauji | فوج فوجی آرمی
boat: boat boats | kashti kashtiyan | کشتی کشتیاں
money: money pay paying charging charge cash | paise paisay raqam | پیسے رقم پیسہ
polling: polling polls poll | polling | پولنگ
postpone: postponed postpone delayed | multawi aage | ملتوی
week: week weekend | hafta hafte | ہفتہ ہفتے
ballot: ballot ballots | ballot parchi | بیلٹ پرچی
stuffing: stuffing stuffed | thappe | ٹھپے
rigged: rigging rigged rig | dhandli | دھاندلی
election: election elections vote voting votes voter voters | election intikhabat vote votes | الیکشن انتخابات ووٹ ووٹر ووٹروں
commission: commission ecp | commission | کمیشن
disqualified: disqualified disqualify | nahal naahal | نااہل
independent: independent independents | azad independent | آزاد
candidate: candidate candidates | umeedwar umidwar | امیدوار امیدواروں
cnic: cnic id | shanakhti cnic | شناختی
card: card cards | card | کارڈ
sms: sms text message | sms message | ایس_ایم_ایس میسج پیغام
old: old | purana purane | پرانا پرانے
new: new | naya naye nayi | نیا نئے نئی
night: night overnight | raat | رات راتوں
constituency: constituency constituencies | halqa halqe | حلقہ حلقے حلقوں
women: women woman female ladies | aurat auraton khawateen ladies female | عورت عورتوں خواتین خاتون لیڈی
staff: staff | staff amla | عملہ سٹاف
count: counted count counting | gin ginti count shumar | گنتی گنے شمار
thousands: thousands thousand | hazaron hazar | ہزاروں ہزار
audio: audio voice | audio awaz | آڈیو آواز
boycott: boycott boycotting | boycott | بائیکاٹ
dance: dance dancing danced | naach nach dance | ناچ ڈانس
wedding: wedding | shadi | شادی
speech: speech | taqreer | تقریر
admit: admit admits confess confesses | maan iteraf | اعتراف
leaked: leaked leak | leak leaked | لیک
insult: insulting insult abuse | tauheen insult | توہین
anchor: anchor | anchor | اینکر
news: news | khabar khabren | خبر خبریں
resigned: resigned resign resignation | istifa resign | استعفیٰ استعفی
headline: headline | headline surkhi | سرخی
country: country | mulk | ملک
dengue: dengue | | ڈینگی
papaya: papaya | papita papite | پپیتا پپیتے
leaf: leaf leaves | patta patte patton | پتا پتے پتوں
juice: juice | juice ras | جوس رس
cure: cure cures cured | ilaj theek shifa | علاج ٹھیک شفا
hospital: hospital | hospital aspataal haspatal | ہسپتال اسپتال
corona: covid coronavirus corona | corona covid | کورونا کووڈ
hot: hot warm | garam | گرم
lemon: lemon | lemon nimbu | لیموں
throat: throat | gala gale | گلا گلے
diabetes: diabetes | sugar ziabetes | شوگر ذیابیطس
honey: honey | shehad shahad | شہد
nigella: kalonji nigella | kalonji | کلونجی
tower: tower towers masts | tower | ٹاور ٹاوروں
fast: fast fasting | roza roze | روزہ روزے
garlic: garlic | lehsan lahsan | لہسن
heart: heart | dil heart | دل ہارٹ
cancer: cancer | cancer | کینسر
doctor: doctor doctors | doctor | ڈاکٹر
bank: bank banks | bank | بینک بینکوں
note: note notes | note | نوٹ نوٹوں
rupee: rupee rupees rs | rupay rupaye rupees | روپے روپیہ
month: month | mahina mahine | مہینہ مہینے ماہ
freeze: freeze frozen | freeze | فریز منجمد
lakh: lakh | lakh | لاکھ
tax: tax | tax | ٹیکس
deposit: deposits deposit | jama | جمع
percent: percent | fisad | فیصد
closed: shut closed close closing withdraw withdrawn withdrawal discontinued stopped | band | بند
dollar: dollar | dollar | ڈالر
register: register registers registration | register registration | رجسٹر رجسٹریشن
link: link | link | لنک
default: default defaulted bankrupt | default diwalia | ڈیفالٹ دیوالیہ
christian: christian | isai esai masihi | عیسائی مسیحی
burn: burning burnt burned fire | jala jalaye jalana aag | جلا جلانا آگ
pages: pages | safhe safhat auraq | صفحات صفحے اوراق
quran: quran quranic | quran | قرآن
teacher: teacher | teacher ustad ustaad | استاد ٹیچر
blasphemous: blasphemous blasphemy | gustakhi gustakhana | گستاخی گستاخانہ
azan: azan adhan | azan | اذان
loudspeaker: loudspeaker loudspeakers | loudspeaker | لاؤڈ سپیکر
mosque: mosque | masjid | مسجد
demolished: demolished bulldozed | gira shaheed | گرا شہید منہدم
textbook: textbook textbooks syllabus curriculum | nisab kitab kitaben | نصاب کتاب کتابیں درسی
prophet: prophet | nabi rasool | نبی رسول
shoes: shoes | joote jootay | جوتے
holy: holy | muqaddas | مقدس
verses: verses | ayat | آیات آیت
eid: eid | eid | عید
moon: moon | | چاند
church: church | church girja | چرچ گرجا
mob: mob crowd | hujoom | ہجوم
tomorrow: tomorrow | kal | کل
morning: morning mornings | subah subha | صبح
evening: evening | shaam | شام
today: today | aaj | آج
year: year years | saal baras | سال برس
day: day days | din dino dinon | دن دنوں
never: never | kabhi | کبھی
always: always forever permanently good | hamesha humesha | ہمیشہ
every: every each whole entire | har tamam poora poore | ہر تمام پورا پورے
people: people persons person public | log logon awam | لوگ لوگوں عوام
man: man men | aadmi shakhs mard | آدمی شخص مرد
family: family families | khandan | خاندان
police: police policemen | police | پولیس
arrest: arrest arrested | giraftar | گرفتار
attack: attack attacked attacks | hamla hamlay | حملہ حملے
ban: ban banned banning prohibited | pabandi ban | پابندی
court: court | adalat court | عدالت
minister: minister ministers pm | wazir | وزیر
announce: announce announced announces announcement declared declares | elaan ailaan | اعلان
price: price prices | qeemat keemat | قیمت قیمتیں
petrol: petrol fuel | petrol | پیٹرول پٹرول
electricity: electricity power | bijli | بجلی
flour: flour wheat | atta aata gandum | آٹا گندم
salary: salary salaries wages | tankhwah tankhah | تنخواہ
pension: pension | pension | پنشن
exam: exam exams examination | imtihan | امتحان
girl: girl girls daughter | larki larkiyan beti | لڑکی لڑکیاں بیٹی
boy: boy boys son | larka larke beta | لڑکا لڑکے بیٹا
mother: mother mothers | maa ammi walida | ماں امی والدہ
parent: parents | walidain | والدین
medicine: medicine medicines drug | dawa dawai | دوا دوائی
disease: disease illness sickness sick | bimari beemari marz | بیماری مرض
virus: virus | virus | وائرس
fever: fever | bukhar | بخار
eat: eat eating ate | khao khana khane | کھاؤ کھانا کھانے
drink: drink drinking drank | piyo peena peene pilana pilaye | پیو پینا پینے پلانا پلائے
milk: milk | doodh | دودھ
food: food | khurak | خوراک
raw: raw | kacha kachcha | کچا
seed: seed seeds | beej | بیج
alive: alive live living | zinda | زندہ
secret: secret secretly hidden | khufia chupa | خفیہ چھپا
lie: lie lies false | jhoot jhooti | جھوٹ جھوٹی
truth: truth true | sach | سچ
photo: photo picture image | tasveer | تصویر
video: video clip footage | video | ویڈیو
city: city | shehar | شہر
village: village villages | gaon | گاؤں
road: road roads street streets | sarak sarkon sadak | سڑک سڑکوں
sea: sea ocean | samandar | سمندر
rain: rain rains | barish | بارش
power_cut: loadshedding | loadshedding | لوڈشیڈنگ
free: free | muft | مفت
help: aid help relief | madad imdad imdadi | مدد امداد امدادی
victim: victim victims affected | mutasireen mutasir | متاثرین متاثر متاثرہ
journalist: journalist journalists | sahafi | صحافی
worker: worker workers | mazdoor karkun | مزدور کارکن کارکنوں
supporter: supporter supporters | hami hamiyon | حامی حامیوں
jail: jail prison | jail qaid | جیل قید
"""
"""concept: English forms | Roman Urdu forms | Urdu forms (one concept a line); words joined by `_`
form a phrase that counts only as a whole (`ایچ_آئی_وی`: آئی alone is "came")."""


def _compile(
    fold: Callable[[str], str],
) -> tuple[dict[str, str], dict[str, str], dict[tuple[str, ...], str]]:
    words: dict[str, str] = {}
    keys: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for line in _LINES.strip().splitlines():
        name, _, rest = line.partition(":")
        concept = "@" + name.strip()
        parts = rest.split("|")
        for part_no, part in enumerate(parts):
            for form in part.split():
                if "_" in form:  # a phrase: its words alone mean something else (آئی, jaan)
                    phrases.setdefault(tuple(fold(w) for w in form.split("_")), concept)
                    continue
                folded = fold(form)
                words.setdefault(folded, concept)
                if part_no == 1:  # Roman Urdu: spelling varies, match by variant key too
                    key = variant_key(folded)
                    if len(key) >= 4:
                        keys.setdefault(key, concept)
    return words, keys, phrases


class Lexicon:
    """Word → concept lookups built once from the table above."""

    def __init__(self, fold: Callable[[str], str]) -> None:
        self.words, self.keys, self.phrases = _compile(fold)
        self.longest_phrase = max((len(p) for p in self.phrases), default=1)

    def phrase(self, words: Sequence[str], start: int) -> tuple[str, int] | None:
        """The concept of the longest phrase starting at `words[start]` and its length in words."""
        for size in range(min(self.longest_phrase, len(words) - start), 1, -1):
            found = self.phrases.get(tuple(words[start : start + size]))
            if found is not None:
                return found, size
        return None

    def concept(self, word: str) -> str | None:
        """The concept id of a folded word (exact, English plural/past/-ing, or Roman variant key)."""
        found = self.words.get(word)
        if found is not None:
            return found
        for suffix in ("s", "es", "ed", "ing"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                found = self.words.get(word[: -len(suffix)])
                if found is not None:
                    return found
        if word.isascii() and word.isalpha():
            return self.keys.get(variant_key(word))
        return None
