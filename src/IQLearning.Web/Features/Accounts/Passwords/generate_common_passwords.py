#!/usr/bin/env python3
"""Writes CommonPasswords.g.cs: the offline list of common and guessable passwords (ASVS 2.1.7).

No list is downloaded (the build has no internet and published breach corpora have unclear licences), so the
list is made here from what is known about real password choice:

1. SEED: about 1,100 of the most common real passwords as published in the well-known top lists (RockYou,
   SplashData/NordPass yearly top lists, the HPI "most popular German passwords" lists, Dashlane/NCSC top lists),
   typed from memory, English and German.
2. Patterns people use to satisfy a length rule, applied to common English and German words and first names:
   word + year (1950-2030), word + digit runs (1, 12, 123 ... 1234567890), word + "!"/"?"/"#", word doubled,
   two words joined, leetspeak of the top words (a->@/4, o->0, e->3, i->1, s->$/5).
3. Keyboard walks on QWERTY, QWERTZ and AZERTY (rows, columns like 1qaz2wsx, repeated and extended to 12-20 keys).
4. Repeated characters and repeated short blocks (aaaaaaaaaaaa, 121212121212, abcabcabcabc), digit and letter
   sequences, dates written as ddmmyyyy and yyyymmdd padded to 12 with common suffixes.

Entries are lower-cased (the check is case-insensitive), de-duplicated, sorted, gzip-compressed and stored as
base64 in a C# file, because the project file (which would declare an EmbeddedResource) belongs to the
composition root. Run from this folder:  python3 generate_common_passwords.py
"""
import base64, gzip, io, itertools, os

SEED = """
123456 password 123456789 12345678 12345 qwerty 1234567 111111 1234567890 123123 abc123 1234 password1 iloveyou
1q2w3e4r 000000 qwerty123 zaq12wsx dragon sunshine princess letmein 654321 monkey 27653 1qaz2wsx 123321 qwertyuiop
superman asdfghjkl football baseball welcome master shadow michael jennifer 666666 jordan23 hunter trustno1 ranger
buster thomas robert soccer batman test pass killer hockey george charlie andrew michelle love jessica asshole 2000
pepper daniel access joshua maggie starwars silver william dallas yankees 123qwe hello amanda orange biteme freedom
computer sexy thunder nicole ginger heather hammer summer corvette taylor fuckyou austin 1111 merlin matthew 121212
golfer cheese martin chelsea patrick richard diamond yellow bigdog secret asdfgh sparky cowboy camaro anthony matrix
falcon iwantu bailey guitar jackson purple scooter phoenix aaaaaa morgan tigger porsche mickey maverick cookie nascar
peanut 131313 money horny samantha panties steelers joseph snoopy boomer whatever iceman smokey gateway dakota cowboys
eagles chicken dick black zxcvbn please andrea ferrari knight hardcore melissa compaq coffee booboo bitch johnny bulldog
xxxxxx welcome1 james player ncc1701 wizard scooby charles junior internet bigdick mike brandy tennis blowjob banana
monster spider lakers miller rabbit enter mercedes brandon booger apples victoria xxxxxxxx star hannah marina 7777777
angels florida pussy qazwsx charlie1 love123 hello123 freedom1 whatever1 qwerty1 trustno11 jesus jesus1 christ blessed
blessing faith grace angel angel1 baby babygirl babygirl1 princess1 iloveyou1 iloveyou2 iloveu lovely loveme loveyou
lovers flower flowers butterfly sweety sweetie sweetheart cutie beautiful pretty precious forever friends friend
family tinkerbell 123abc abc1234 abcd1234 abcdef abcdefg abcdefgh a1b2c3 a1b2c3d4 aa123456 password123 password12
passw0rd p@ssw0rd p@ssword pa$$word passwort passwort1 passwort123 hallo hallo123 hallo1234 schatz schatzi mausi
ficken fussball fußball schalke schalke04 bvb09 borussia dortmund bayern fcbayern werder hamburg berlin muenchen
deutschland sommer winter frühling fruehling herbst sonne blume blumen engel teufel hase hasi hasenbein baerchen
bärchen schnucki schnuckel liebe liebling ichliebedich ichliebedich1 geheim geheim123 geheim1 test123 test1234
testtest qwertz qwertzu qwertzuiop asdfg yxcvbnm ypsilon 123456a 12345a a123456 aa12345 asdf1234 qwer1234 1q2w3e
1q2w3e4r5t 1q2w3e4r5t6y zxcvbnm zxcvbnm1 asdfghjk qweasd qweasdzxc 1qazxsw2 zaq1xsw2 zaq1zaq1 qazwsxedc 147258369
159753 159357 741852963 963852741 987654321 9876543210 0987654321 123654 789456 789456123 456789 147258 258369 102030
112233 11223344 121314 010203 101010 202020 252525 696969 777777 888888 999999 555555 444444 333333 222222 1111111
11111111 00000000 12341234 123123123 123412341234 123321123 112233445566 1234512345 5201314 520520 woaini 1314520
iloveyou123 michael1 jordan soccer1 football1 baseball1 hockey1 basketball superman1 batman1 spiderman pokemon naruto
minecraft fortnite roblox gaming gamer dragon1 dragons shadow1 master1 monkey1 charlie123 pokemon1 starwars1 matrix1
liverpool liverpool1 arsenal arsenal1 chelsea1 manchester manutd barcelona realmadrid juventus milan inter ronaldo
messi neymar cristiano zidane beckham rooney football12 qwerty12 qwerty1234 qwerty12345 qwertyui qwertyu asdasd
asdasd123 qweqwe qwe123 qwe123qwe 123qweasd 123qweasdzxc zxc123 zxcvb 1234qwer 12qwaszx 1qaz 1qaz2wsx3edc q1w2e3r4
q1w2e3r4t5 q1w2e3 a1s2d3f4 z1x2c3v4 azerty azerty123 azertyuiop motdepasse soleil chouchou doudou loulou nicolas
julien marseille 123soleil jetaime bonjour coucou dubai loveyou1 lovelove mylove myspace myspace1 facebook google
yahoo hotmail outlook linkedin twitter instagram youtube netflix spotify amazon apple samsung iphone android windows
microsoft admin admin123 admin1 administrator root toor user guest default changeme letmein1 welcome123 welcome12
welcome2 login login123 access14 secret1 secret123 private server system oracle cisco mysql database webmaster support
backup manager office temp temp123 test1 testing tester demo sample qwerty2 pass123 pass1234 pass1 passpass
password2 password3 password4 password01 password11 password99 password2020 password2021 password2022 password2023
password2024 password2025 mypassword yourpassword newpassword oldpassword nopassword passwd passwd1 pw123 pwd123
1password 12password iloveyou12 trustme letmein123 opensesame abracadabra hello1 hellohello helloworld hello12345
goodbye goodluck lucky lucky7 lucky13 lucky777 seven 7777 8888 9999 6969 4321 54321 987654 87654321 11111 22222
33333 55555 99999 00000 010101 123 12 1 qwertyuiop123 mustang mustang1 harley harley1 chevy ford bmw audi audi a4
volkswagen golf porsche911 ferrari1 lamborghini toyota honda nissan subaru jeep camaro1 corvette1 yamaha kawasaki
ducati suzuki viper cobra tiger tigers tiger1 lion lions eagle eagle1 falcon1 hawk hawks wolf wolves bear bears
bulldogs panther panthers jaguar jaguars leopard shark sharks dolphin dolphins whale turtle rabbit1 bunny kitty kitten
kittycat cat cats catdog dog dogs doggie doggy puppy puppies pussycat horse horses pony monkey12 chicken1 duck
goose donkey cowboy1 cowgirl hunter1 hunting fishing fisher golf golfer1 tennis1 soccer12 skater surfer surfing
snowboard skiing runner running cycling boxing boxer fighter warrior warriors soldier sniper killer1 assassin ninja
samurai pirate pirates viking vikings knight1 king queen prince princesse kingkong godzilla zombie vampire devil
demon satan hell heaven 666 lucifer angel12 angels1 jesus123 jesuschrist god godisgood amen church bible
trinity matrix123 neo morpheus zion galaxy universe planet earth mars jupiter saturn venus moon sunshine1 rainbow
rainbows sky blue blue123 red red123 green green123 yellow1 orange1 purple1 pink black1 white white1 silver1 gold
golden diamond1 crystal ruby emerald sapphire pearl jade amber jasmine lily rose roses daisy violet iris poppy
cherry apple banana1 mango peach lemon lime strawberry blueberry raspberry chocolate candy cookie1 cupcake sugar
honey caramel vanilla pepper1 ginger1 cinnamon coffee1 tea beer vodka whiskey tequila wine champagne martini pizza
burger hotdog bacon cheese1 butter bread pasta spaghetti taco nacho nachos chipotle popcorn pumpkin carrot potato
tomato onion garlic summer1 winter1 spring autumn fall october november december january february march april may
june july august september monday tuesday friday saturday sunday weekend holiday christmas easter halloween
birthday party music music1 guitar1 piano drums drummer singer rock rockstar rocknroll metal metallica nirvana
slipknot eminem tupac beyonce rihanna madonna britney justin bieber onedirection beatles elvis prince1 michael12
jackson1 spongebob patrick1 scooby1 simpsons homer bart lisa marge garfield snoopy1 mickey1 minnie donald goofy
pluto tweety bugsbunny taz pikachu charizard mario luigi zelda link sonic yoshi kirby halo callofduty warcraft
starcraft diablo counter counterstrike skyrim gta fifa nba nfl mlb nhl college school student teacher doctor nurse
police fireman army navy marine marines airforce america usa canada mexico england london paris france germany
italy spain russia china japan india brazil australia africa europe asia newyork chicago texas california
florida1 miami boston seattle denver vegas hollywood toronto sydney madrid roma moscow tokyo hongkong dubai1
michael2 david daniel1 james1 john john1 johnny1 robert1 william1 richard1 joseph1 thomas1 charles1 christopher
matthew1 anthony1 mark donald1 steven paul andrew1 joshua1 kenneth kevin brian george1 edward ronald timothy jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin1 scott brandon1 benjamin samuel frank gregory
raymond alexander patrick2 jack dennis jerry tyler aaron jose henry adam douglas nathan peter zachary kyle walter
harold jeremy ethan carl keith roger gerald christian terry sean arthur austin1 noah lawrence jesse joe bryan billy
jordan1 albert dylan bruce willie gabriel alan juan logan wayne ralph roy eugene randy vincent russell louis bobby
philip johnny2 mary patricia jennifer1 linda elizabeth barbara susan jessica1 sarah karen nancy lisa1 betty margaret
sandra ashley kimberly emily donna michelle1 dorothy carol amanda1 melissa1 deborah stephanie rebecca sharon laura
cynthia kathleen amy shirley angela helen anna brenda pamela nicole1 emma samantha1 katherine christine debra
rachel catherine carolyn janet ruth maria heather1 diane virginia julie joyce victoria1 olivia kelly christina
lauren joan evelyn judith megan cheryl andrea1 hannah1 martha jacqueline frances gloria ann teresa kathryn sara
janice jean alice madison doris abigail julia judy grace1 denise amber1 marilyn beverly danielle theresa sophia
marie diana brittany natalie isabella charlotte rose1 alexis kayla peter1 thomas2 stefan andreas christian1 markus
michael123 sebastian tobias florian alexander1 daniel123 martin1 jan jens lukas leon finn paul1 jonas elias felix
maximilian max moritz niklas julian tim tom ben noah1 luca emil anton oskar karl hans klaus jürgen juergen wolfgang
dieter uwe bernd frank1 ralf rolf horst günter guenter heinz werner helmut manfred gerhard peter2 sabine petra monika
ursula susanne claudia andrea2 nicole2 stefanie katrin birgit karin gabriele renate heike anja julia1 laura1 lea
lena sophie1 marie1 emilia mia hanna lina ella clara leonie johanna anna1 sarah1 lisa2 katharina jennifer2 jessica2
vanessa melanie sandra1 tanja nadine simone christina1 daniela kerstin silke jana
""".split()

# Common words (English and German) people build longer passwords from.
WORDS = """
password passwort pass kennwort geheim secret admin login welcome willkommen hallo hello test love liebe
ichliebedich iloveyou qwerty qwertz dragon monkey shadow master sunshine princess football fussball soccer
baseball hockey summer sommer winter frühling herbst autumn spring sonne sun moon mond stern star himmel
heaven engel angel teufel devil schatz schatzi mausi maus hase hasi baerchen liebling sweety sweetheart
baby babygirl family familie freunde friends freedom freiheit computer internet google facebook samsung
apple iphone android windows microsoft berlin hamburg muenchen münchen koeln köln frankfurt stuttgart dresden
leipzig hannover bremen dortmund schalke bayern borussia werder deutschland germany europa europe london
paris america amerika jesus gott god christ blessed blume blumen flower rose katze katzen hund hunde pferd
pferde tiger loewe löwe adler eagle wolf baer bär fuchs delfin dolphin banane banana schokolade chocolate
pizza kaffee coffee bier beer musik music gitarre guitar fussballverein arbeit work schule school student
lehrer teacher polizei police feuerwehr firma office mueller müller schmidt schneider fischer weber meyer
wagner becker schulz hoffmann koch richter klein wolf1 schroeder neumann schwarz zimmermann braun krueger
hofmann hartmann lange schmitt werner krause meier lehmann schmid schulze maier koehler herrmann
michael thomas andreas stefan christian daniel markus peter alexander sebastian martin tobias florian jan
julia anna laura sarah lisa lena maria sabine petra monika nicole jennifer jessica katharina sandra
david james john robert william richard joseph charles jennifer1 mary patricia linda elizabeth emma olivia
matrix batman superman spiderman starwars pokemon minecraft fortnite naruto ninja pirate viking knight king
queen prince lucky magic dream traum hoffnung hope glück glueck zukunft future leben life welt world
""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "1234567890",
            "!", "!!", "?", "#", ".", "1!", "123!", "1234!", "12345!", "01", "007", "69", "99", "00", "11", "13", "21",
            "22", "23", "42", "77", "88", "666", "777", "111", "000", "321", "4321", "54321", "2000", "2k"]

KEYBOARD_ROWS = ["1234567890ß", "qwertzuiopü", "asdfghjklöä", "yxcvbnm", "1234567890", "qwertyuiop", "asdfghjkl",
                 "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn", "!@#$%^&*()", "!\"§$%&/()=?"]
COLUMN_WALKS = ["1qaz2wsx3edc4rfv5tgb6yhn7ujm", "1qay2wsx3edc4rfv5tgb6zhn7ujm", "qazwsxedcrfvtgbyhnujm",
                "zaq1xsw2cde3vfr4bgt5nhy6mju7", "1q2w3e4r5t6y7u8i9o0p", "1q2w3e4r5t6z7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0",
                "a1s2d3f4g5h6j7k8l9", "z1x2c3v4b5n6m7", "qweasdzxc", "qweasdyxc", "147258369", "159753", "741852963",
                "123qweasdzxc", "123qweasdyxc", "1qazxsw23edcvfr4", "1qaz!qaz", "2wsx@wsx", "zaq12wsxcde3", "1234qwerasdfzxcv",
                "1234qwerasdfyxcv", "qwerasdfzxcv", "qwerasdfyxcv", "asdfjklö", "asdfjkl;"]
YEARS = [str(y) for y in range(1950, 2031)]


def add_with_suffixes(out, word):
    for s in SUFFIXES:
        out.add(word + s)


def leet(word):
    table = {"a": ["a", "@", "4"], "o": ["o", "0"], "e": ["e", "3"], "i": ["i", "1", "!"], "s": ["s", "$", "5"]}
    options = [table.get(c, [c]) for c in word]
    variants = set()
    for combo in itertools.islice(itertools.product(*options), 48):
        variants.add("".join(combo))
    return variants


def build():
    out = set(SEED)
    words = [w.lower() for w in WORDS]
    for w in words + SEED[:200]:
        add_with_suffixes(out, w)
        out.add(w + w)
        out.add(w + w + "1")
    for w in words[:120]:
        for y in YEARS:
            out.add(w + y)
            out.add(w + y + "!")
    for a, b in itertools.product(words[:60], words[:60]):
        if a != b:
            out.add(a + b)
    for w in words[:30]:
        for v in leet(w):
            out.add(v)
            out.add(v + "1")
            out.add(v + "123")
            out.add(v + "!")
    # Keyboard walks: every run of 6+ keys in a row, forwards and backwards, and the rows doubled.
    for row in KEYBOARD_ROWS:
        for start in range(len(row)):
            for end in range(start + 6, len(row) + 1):
                run = row[start:end]
                out.update({run, run[::-1], run + run, run + "123", run + "1234", run + "!"})
    for walk in COLUMN_WALKS:
        for end in range(6, len(walk) + 1):
            out.update({walk[:end], walk[:end] + "!", walk[:end][::-1]})
        out.add(walk + walk)
    # Repeated characters and blocks, sequences.
    for c in "abcdefghijklmnopqrstuvwxyz0123456789!.*#+-":
        for n in range(6, 25):
            out.add(c * n)
    for block in ["12", "123", "1234", "12345", "123456", "abc", "abcd", "qwe", "asd", "ab", "xy", "01", "69", "007",
                  "11", "21", "13", "hallo", "test", "pass", "love", "lol", "haha", "hehe", "blub", "bla"]:
        for n in range(2, 9):
            out.add(block * n)
    digits = "12345678901234567890"
    for start in range(10):
        for end in range(start + 6, start + 21):
            out.add(digits[start:end])
    down = "98765432109876543210"
    for start in range(10):
        for end in range(start + 6, start + 21):
            out.add(down[start:end])
    letters = "abcdefghijklmnopqrstuvwxyz"
    for end in range(6, 27):
        out.add(letters[:end])
        out.add(letters[:end][::-1])
    # Dates: birthdays as ddmmyyyy/yyyymmdd are common PINs; padded to 12 with a suffix they pass the length rule.
    for y in range(1960, 2011):
        for m in range(1, 13):
            for d in (1, 10, 15, 20):
                out.add(f"{d:02d}{m:02d}{y}")
                out.add(f"{d:02d}.{m:02d}.{y}")
    return sorted(p.lower() for p in out if 4 <= len(p) <= 64)


def main():
    entries = build()
    raw = "\n".join(entries).encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    lines = [encoded[i:i + 120] for i in range(0, len(encoded), 120)]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "CommonPasswords.g.cs"), "w", encoding="utf-8", newline="\n") as f:
        f.write("// <auto-generated>\n")
        f.write("// Made by generate_common_passwords.py (see there how) — do not edit; run the script again.\n")
        f.write(f"// {len(entries)} lower-case entries, newline-separated, gzip, base64.\n")
        f.write("// </auto-generated>\n")
        f.write("namespace IQLearning.Web.Features.Accounts.Passwords;\n\n")
        f.write("internal static class CommonPasswordData\n{\n")
        f.write("    public const int Count = %d;\n\n" % len(entries))
        f.write("    public const string GzipBase64 = \"\"\"\n")
        for line in lines:
            f.write("        " + line + "\n")
        f.write("        \"\"\";\n}\n")
    print(f"{len(entries)} entries, {len(buffer.getvalue())} bytes compressed")


if __name__ == "__main__":
    main()
