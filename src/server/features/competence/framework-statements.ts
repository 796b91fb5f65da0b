import type { LevelStatement } from '../../db/schema/index';

/**
 * What a person at each level (1–6) of a competence says about their own practice: the answers of
 * the self-assessment, written by Retning for the default frameworks, one set per competence code.
 * They follow the framework's levels (1 aware and helped, 2 has tried, 3 routine, 4 deliberate
 * choices on pedagogical grounds, 5 helps and inspires colleagues, 6 develops the trade and the
 * school) in the words of the competence itself, so that a teacher recognises her own week in one
 * of them. Level 0 ("not yet") is the same for every competence: `NOT_YET`.
 */
type Pair = readonly [da: string, en: string];
const levels = (...pairs: [Pair, Pair, Pair, Pair, Pair, Pair]): LevelStatement[] => pairs.map(([da, en], i) => ({ level: i + 1, text: { da, en } }));

export const NOT_YET = { da: 'Det kender jeg ikke til endnu', en: "I don't know this yet" };

export const STAFF_STATEMENTS: Record<string, LevelStatement[]> = {
  // 1.1 Kommunikation i organisationen
  '1.1': levels(
    ['Jeg læser beskeder fra skolen og eleverne digitalt, men beder ofte om hjælp, når jeg selv skal sende noget ud.', 'I read messages from the school and the students digitally, but often ask for help when I have to send something out myself.'],
    ['Jeg har prøvet at sende beskeder og opslag til et hold gennem skolens platform, når der var noget praktisk at give besked om.', 'I have tried sending messages and posts to a class through the school platform when there was something practical to tell them.'],
    ['Jeg bruger fast skolens digitale kanaler til elever, kolleger og praktiksteder og vælger kanal efter, hvem der skal have beskeden.', "I use the school's digital channels with students, colleagues and workplaces as a matter of course, and pick the channel by who needs the message."],
    ['Jeg overvejer, hvad der skal skrives, hvad der hellere skal siges ansigt til ansigt, og hvornår jeg svarer, så eleverne ved, hvad de kan forvente.', 'I consider what should be written, what is better said face to face and when I reply, so the students know what to expect.'],
    ['Jeg hjælper kolleger med at lave fælles aftaler om digital kommunikation i teamet, fx svartider og hvilke beskeder der hører til hvor.', 'I help colleagues make shared agreements on digital communication in the team, such as response times and which messages belong where.'],
    ['Jeg er med til at forme skolens retningslinjer for digital kommunikation med elever, forældre og virksomheder.', "I help shape the school's guidelines for digital communication with students, parents and companies."],
  ),
  // 1.2 Fagligt samarbejde
  '1.2': levels(
    ['Jeg henter af og til materialer, som kolleger har delt, men deler ikke selv noget digitalt endnu.', 'I sometimes pick up materials that colleagues have shared, but I do not share anything digitally myself yet.'],
    ['Jeg har delt et forløb eller et dokument med en kollega og prøvet at skrive med i et fælles dokument.', 'I have shared a unit or a document with a colleague and tried writing in a shared document.'],
    ['Jeg planlægger jævnligt sammen med kolleger i delte mapper og dokumenter, og mine materialer ligger, hvor teamet kan finde dem.', 'I regularly plan with colleagues in shared folders and documents, and my materials are where the team can find them.'],
    ['Jeg vælger bevidst, hvordan teamet deler og vedligeholder materialer, så vi ikke ender med fem udgaver af det samme.', 'I choose deliberately how the team shares and maintains materials, so that we do not end up with five versions of the same thing.'],
    ['Jeg sætter gang i digitalt samarbejde i teamet og viser kolleger, hvordan de kan bygge videre på hinandens forløb.', "I get digital collaboration going in the team and show colleagues how they can build on each other's units."],
    ['Jeg tager initiativ til videndeling på tværs af afdelinger eller skoler, fx et fælles bibliotek eller et netværk for faget.', 'I take the initiative for knowledge sharing across departments or schools, such as a shared library or a network for the trade.'],
  ),
  // 1.3 Refleksiv praksis
  '1.3': levels(
    ['Jeg når sjældent at tænke over, hvordan det digitale fungerer i min undervisning; jeg bruger det, der er sat op.', 'I rarely get round to thinking about how the digital parts work in my teaching; I use what has been set up.'],
    ['Efter et forløb har jeg enkelte gange skrevet ned, hvad der virkede og ikke virkede med et digitalt værktøj.', 'After a unit I have now and then written down what did and did not work with a digital tool.'],
    ['Jeg justerer fast mine forløb ud fra, hvordan eleverne tog imod de digitale dele, og spørger dem om deres oplevelse.', 'I adjust my units as a matter of course from how the students took to the digital parts, and I ask them how they found it.'],
    ['Jeg undersøger min egen praksis systematisk, fx med elevernes feedback eller data fra platformen, og ændrer det, der ikke støtter læringen.', "I examine my own practice systematically, for example with the students' feedback or data from the platform, and change what does not support learning."],
    ['Jeg inviterer kolleger til at observere eller drøfte min undervisning med digitale værktøjer og giver selv sparring til andre.', 'I invite colleagues to observe or discuss my teaching with digital tools, and I give others feedback in return.'],
    ['Jeg tager initiativ til, at vi undersøger vores digitale undervisning sammen, fx med aktionslæring i teamet, og deler resultaterne på skolen.', 'I take the initiative for us to examine our digital teaching together, for example through action learning in the team, and share the results across the school.'],
  ),
  // 1.4 Digital efteruddannelse
  '1.4': levels(
    ['Jeg lærer mest nyt om digitale værktøjer, når en kollega viser mig det, og søger sjældent selv.', 'I mostly learn something new about digital tools when a colleague shows me; I rarely go looking myself.'],
    ['Jeg har fulgt et webinar, en video eller et kort onlinekursus for at lære noget til min undervisning.', 'I have followed a webinar, a video or a short online course to learn something for my teaching.'],
    ['Jeg bruger jævnligt onlinekurser, fagfora og videoer til at holde mig opdateret i faget og i undervisningen.', 'I regularly use online courses, professional forums and videos to keep up to date in my trade and in my teaching.'],
    ['Jeg vælger efteruddannelse ud fra, hvad mine elever og mit fag har brug for, og vurderer kvaliteten af de kilder, jeg lærer af.', 'I choose further training from what my students and my trade need, and I judge the quality of the sources I learn from.'],
    ['Jeg deler det, jeg lærer på kurser og online, med kolleger og anbefaler dem forløb, der passer til dem.', 'I share what I learn on courses and online with colleagues and recommend courses that suit them.'],
    ['Jeg udvikler eller underviser selv på kurser, webinarer eller sidemandsoplæring for kolleger på skolen eller i netværket.', 'I design or teach courses, webinars or peer training for colleagues at the school or in the network.'],
  ),
  // 2.1 Finde og vælge ressourcer
  '2.1': levels(
    ['Jeg bruger mest de materialer, der følger med bogen eller ligger i fagets mappe, og leder sjældent efter andre.', "I mostly use the materials that come with the book or sit in the subject's folder, and I rarely look for others."],
    ['Jeg har søgt på nettet efter en video eller en øvelse til et emne og brugt den i en time.', 'I have searched online for a video or an exercise on a topic and used it in a lesson.'],
    ['Jeg finder jævnligt digitale materialer til mine forløb og tjekker, om de passer til målet og elevernes niveau.', "I regularly find digital materials for my units and check that they fit the goal and the students' level."],
    ['Jeg vurderer digitale materialer kritisk, fx afsender, faglig kvalitet og tilgængelighed, og sammenligner flere, før jeg vælger.', 'I judge digital materials critically, for example their source, subject quality and accessibility, and compare several before I choose.'],
    ['Jeg hjælper kolleger med at finde og vurdere gode materialer og samler anbefalinger til teamet.', 'I help colleagues find and judge good materials, and I collect recommendations for the team.'],
    ['Jeg tager initiativ til at opbygge og kvalitetssikre en samling af digitale læremidler for faget eller skolen.', 'I take the initiative to build and quality-assure a collection of digital learning resources for the trade or the school.'],
  ),
  // 2.2 Lave og tilpasse ressourcer
  '2.2': levels(
    ['Jeg laver mine materialer på papir eller som almindelige dokumenter og har brug for hjælp til at lave noget digitalt.', 'I make my materials on paper or as plain documents and need help to make something digital.'],
    ['Jeg har prøvet at lave en kort video, en quiz eller en interaktiv opgave til mine elever.', 'I have tried making a short video, a quiz or an interactive task for my students.'],
    ['Jeg laver jævnligt mine egne digitale materialer og tilpasser andres, så de passer til mit hold.', "I regularly make my own digital materials and adapt other people's so that they fit my class."],
    ['Jeg designer digitale materialer ud fra, hvad eleverne skal lære, og vælger formen med omtanke, fx video til at vise et håndgreb og tekst til at slå op i.', 'I design digital materials from what the students are to learn and choose the form with care, for example video to show a hand technique and text to look things up in.'],
    ['Jeg viser kolleger, hvordan de kan lave og tilpasse digitale materialer, og giver feedback på deres.', 'I show colleagues how to make and adapt digital materials, and I give feedback on theirs.'],
    ['Jeg udvikler nye slags digitale materialer til faget, fx interaktive instruktioner eller 360-graders video, som andre skoler også kan bruge.', 'I develop new kinds of digital materials for the trade, such as interactive instructions or 360-degree video, that other schools can use too.'],
  ),
  // 2.3 Dele og beskytte ressourcer
  '2.3': levels(
    ['Jeg er usikker på, hvad jeg må dele af billeder, tekster og elevarbejder, og spørger andre, når jeg er i tvivl.', 'I am unsure what I may share of pictures, texts and student work, and I ask others when in doubt.'],
    ['Jeg har delt materialer med eleverne på platformen og undersøgt, om jeg måtte bruge et bestemt billede.', 'I have shared materials with the students on the platform and checked whether I was allowed to use a particular picture.'],
    ['Jeg deler fast mine materialer på skolens platform med rettighederne i orden og uden personoplysninger om eleverne.', 'I share my materials on the school platform as a matter of course, with the rights in order and without personal data about the students.'],
    ['Jeg vælger bevidst, hvem der får adgang til hvad, og angiver licens og kilde, når jeg deler.', 'I choose deliberately who gets access to what, and I state the licence and the source when I share.'],
    ['Jeg hjælper kolleger med ophavsret, licenser og persondata, når de deler materialer.', 'I help colleagues with copyright, licences and personal data when they share materials.'],
    ['Jeg er med til at bestemme skolens praksis for deling og licenser og for, hvordan vi beskytter elevernes data.', "I help decide the school's practice for sharing and licences, and how we protect the students' data."],
  ),
  // 3.1 Digital undervisning
  '3.1': levels(
    ['Jeg bruger projektoren og skolens platform, men resten af min undervisning foregår uden digitale værktøjer.', 'I use the projector and the school platform, but the rest of my teaching happens without digital tools.'],
    ['Jeg har prøvet et digitalt værktøj i enkelte timer, fx en quiz eller en fælles tavle.', 'I have tried a digital tool in a few lessons, for example a quiz or a shared whiteboard.'],
    ['Digitale værktøjer er en fast del af mine forløb, og jeg får dem til at fungere både i klassen og i værkstedet.', 'Digital tools are a fixed part of my units, and I make them work both in the classroom and in the workshop.'],
    ['Jeg vælger digitale værktøjer ud fra forløbets mål og elevernes forudsætninger og lader dem ligge, når de ikke gør undervisningen bedre.', "I choose digital tools from the unit's goals and the students' prerequisites, and leave them out when they do not make the teaching better."],
    ['Jeg deler mine forløb og erfaringer med digital undervisning, så kolleger kan prøve dem af i deres egne timer.', 'I share my units and experience of digital teaching so that colleagues can try them out in their own lessons.'],
    ['Jeg udvikler nye måder at tilrettelægge undervisningen på, fx flipped learning eller blandede forløb, og får dem ind i skolens praksis.', "I develop new ways of organising teaching, such as flipped learning or blended units, and bring them into the school's practice."],
  ),
  // 3.2 Vejledning
  '3.2': levels(
    ['Jeg vejleder eleverne, når vi ses, og bruger sjældent digitale kanaler til det.', 'I guide the students when we meet and rarely use digital channels for it.'],
    ['Jeg har prøvet at vejlede en elev over chat, video eller med kommentarer i et dokument.', 'I have tried guiding a student over chat, video or with comments in a document.'],
    ['Jeg vejleder fast eleverne digitalt mellem timerne og holder kontakten, mens de er i praktik.', 'I guide the students digitally between lessons as a matter of course, and keep in touch while they are in their internship.'],
    ['Jeg tilrettelægger min digitale vejledning, så den passer til den enkelte elev og kommer, når eleven har brug for den.', 'I plan my digital guidance so that it fits each student and comes when the student needs it.'],
    ['Jeg hjælper kolleger og praktikvejledere med at finde en god form for digital vejledning af eleverne.', 'I help colleagues and workplace supervisors find a good way of guiding the students digitally.'],
    ['Jeg tager initiativ til nye former for digital vejledning på tværs af skole og praktik, som andre hold og afdelinger tager i brug.', 'I take the initiative for new forms of digital guidance across school and internship that other classes and departments take up.'],
  ),
  // 3.3 Samarbejdende læring
  '3.3': levels(
    ['Mine elever arbejder sammen ved bordene; jeg har ikke brugt digitale værktøjer til deres samarbejde.', 'My students work together at the tables; I have not used digital tools for their collaboration.'],
    ['Jeg har prøvet at lade eleverne arbejde i et fælles dokument eller på en fælles tavle i en gruppeopgave.', 'I have tried letting the students work in a shared document or on a shared board in a group task.'],
    ['Jeg lader jævnligt eleverne samarbejde digitalt og sørger for, at alle i gruppen kommer til.', 'I regularly let the students collaborate digitally and make sure everyone in the group gets to take part.'],
    ['Jeg tilrettelægger gruppearbejde, hvor det digitale gør samarbejdet synligt, så jeg kan se, hvem der bidrager, og støtte undervejs.', 'I plan group work where the digital tools make the collaboration visible, so that I can see who contributes and support them along the way.'],
    ['Jeg deler mine opgaver til digitalt samarbejde med kolleger og drøfter med dem, hvad der får eleverne til at lære af hinanden.', 'I share my tasks for digital collaboration with colleagues and discuss with them what makes students learn from each other.'],
    ['Jeg skaber nye forløb, hvor eleverne samarbejder digitalt med elever fra andre hold, skoler eller virksomheder.', 'I create new units where the students collaborate digitally with students from other classes, schools or companies.'],
  ),
  // 3.4 Selvstyret læring
  '3.4': levels(
    ['Jeg planlægger elevernes arbejde for dem; de bruger ikke digitale værktøjer til at styre deres egen læring.', "I plan the students' work for them; they do not use digital tools to manage their own learning."],
    ['Jeg har prøvet at lade eleverne sætte egne mål eller føre en digital logbog i et forløb.', 'I have tried letting the students set their own goals or keep a digital logbook during a unit.'],
    ['Mine elever bruger fast en digital logbog eller portfolio til at planlægge og dokumentere, hvad de har lært.', 'My students use a digital logbook or portfolio as a matter of course to plan and document what they have learned.'],
    ['Jeg vurderer, hvor meget styring den enkelte elev har brug for, og bruger elevernes digitale dokumentation til at tale med dem om deres læring.', "I judge how much structure each student needs, and I use the students' digital documentation to talk with them about their learning."],
    ['Jeg hjælper kolleger med at få eleverne til at tage ansvar for egen læring med digitale værktøjer.', 'I help colleagues get the students to take responsibility for their own learning with digital tools.'],
    ['Jeg udvikler nye måder, hvorpå eleverne kan styre og vise deres læring i både skole og praktik, og udbreder dem på skolen.', 'I develop new ways for the students to manage and show their learning at school and at work, and spread them across the school.'],
  ),
  // 4.1 Evalueringsformer
  '4.1': levels(
    ['Jeg evaluerer mest med prøver på papir og mundtligt; digitale former har jeg ikke brugt endnu.', 'I mostly assess with tests on paper and orally; I have not used digital forms yet.'],
    ['Jeg har prøvet en digital quiz eller afstemning for at se, hvad eleverne har forstået.', 'I have tried a digital quiz or poll to see what the students have understood.'],
    ['Jeg bruger jævnligt digitale quizzer, afleveringer og rubrikker, både undervejs og til sidst i et forløb.', 'I regularly use digital quizzes, hand-ins and rubrics, both along the way and at the end of a unit.'],
    ['Jeg vælger evalueringsform efter, hvad jeg vil vide om elevernes læring, og ved, hvad den digitale form kan og ikke kan vise.', "I choose the form of assessment by what I want to know about the students' learning, and I know what a digital form can and cannot show."],
    ['Jeg udvikler evalueringer sammen med kolleger og deler erfaringer med, hvilke digitale former der giver et retvisende billede.', 'I develop assessments together with colleagues and share experience of which digital forms give a fair picture.'],
    ['Jeg tager initiativ til nye evalueringsformer i faget, fx video af praktiske prøver, og er med til at få dem godkendt og brugt.', 'I take the initiative for new forms of assessment in the trade, such as video of practical tests, and help get them approved and used.'],
  ),
  // 4.2 Læringsdata
  '4.2': levels(
    ['Jeg kigger sjældent på de tal, platformen viser om elevernes aktivitet og resultater.', "I rarely look at the figures the platform shows about the students' activity and results."],
    ['Jeg har åbnet oversigten over afleveringer eller quizresultater for at se, hvem der mangler.', 'I have opened the overview of hand-ins or quiz results to see who is missing.'],
    ['Jeg følger fast med i elevernes aktivitet og resultater på platformen og tager fat i de elever, der halter bagefter.', "I follow the students' activity and results on the platform as a matter of course and get hold of those who are falling behind."],
    ['Jeg tolker data om elevernes læring kritisk, holder dem op mod det, jeg ser i timerne, og ændrer undervisningen ud fra det.', "I interpret data on the students' learning critically, hold them up against what I see in lessons and change my teaching accordingly."],
    ['Jeg hjælper kolleger med at læse og bruge læringsdata og med at passe på elevernes data.', "I help colleagues read and use learning data and look after the students' data."],
    ['Jeg er med til at bestemme, hvilke læringsdata skolen samler, og hvordan de bruges til at gøre undervisningen bedre.', 'I help decide which learning data the school collects and how they are used to make teaching better.'],
  ),
  // 4.3 Feedback og planlægning
  '4.3': levels(
    ['Jeg giver feedback mundtligt eller som kommentarer på papir og har ikke givet feedback digitalt.', 'I give feedback orally or as comments on paper and have not given feedback digitally.'],
    ['Jeg har prøvet at give skriftlig feedback i platformen eller at indtale en kommentar til en elev.', 'I have tried giving written feedback on the platform or recording a spoken comment for a student.'],
    ['Jeg giver jævnligt digital feedback, som eleverne kan bruge i næste opgave, og ser efter, om de har læst den.', 'I regularly give digital feedback that the students can use in the next task, and I check whether they have read it.'],
    ['Jeg vælger, hvornår og hvordan feedbacken gives, så den fremmer læringen, og bruger elevernes svar til at planlægge næste skridt.', "I choose when and how feedback is given so that it furthers learning, and I use the students' responses to plan the next step."],
    ['Jeg lærer kolleger at bruge digital feedback, også elevernes feedback til hinanden, i deres egen planlægning.', "I teach colleagues to use digital feedback, including the students' feedback to one another, in their own planning."],
    ['Jeg udvikler en fælles praksis for feedback med digitale værktøjer for teamet, afdelingen eller skolen.', 'I develop a shared practice for feedback with digital tools for the team, the department or the school.'],
  ),
  // 5.1 Tilgængelighed og inklusion
  '5.1': levels(
    ['Jeg ved ikke rigtigt, hvordan mine digitale materialer fungerer for elever med fx ordblindhed eller nedsat syn.', 'I do not really know how my digital materials work for students with, say, dyslexia or poor eyesight.'],
    ['Jeg har hjulpet en elev med at bruge oplæsning, undertekster eller forstørrelse.', 'I have helped a student use read-aloud, subtitles or magnification.'],
    ['Jeg laver mine digitale materialer, så de kan læses op, har undertekster og virker på elevernes egne enheder.', "I make my digital materials so that they can be read aloud, have subtitles and work on the students' own devices."],
    ['Jeg tænker tilgængelighed ind fra starten og vælger værktøjer, alle elever kan bruge, også dem uden egen computer eller med et handicap.', 'I think of accessibility from the start and choose tools that every student can use, including those without a computer of their own or with a disability.'],
    ['Jeg hjælper kolleger med at gøre deres materialer tilgængelige og med at finde hjælpemidler til de elever, der har brug for dem.', 'I help colleagues make their materials accessible and find assistive tools for the students who need them.'],
    ['Jeg tager initiativ til, at skolen stiller fælles krav om tilgængelighed til alle sine digitale materialer og platforme.', 'I take the initiative for the school to set shared accessibility requirements for all its digital materials and platforms.'],
  ),
  // 5.2 Undervisningsdifferentiering
  '5.2': levels(
    ['Mine elever får som regel den samme opgave; jeg bruger ikke digitale værktøjer til at differentiere.', 'My students usually get the same task; I do not use digital tools to differentiate.'],
    ['Jeg har prøvet at give elever forskellige opgaver eller ekstra hjælp gennem platformen.', 'I have tried giving students different tasks or extra help through the platform.'],
    ['Jeg bruger jævnligt digitale værktøjer til at give eleverne opgaver i forskellig sværhedsgrad og tempo.', 'I regularly use digital tools to give the students tasks of different difficulty and pace.'],
    ['Jeg tilrettelægger forløb, hvor eleverne har forskellige veje til målet, og bruger deres svar undervejs til at justere.', 'I plan units where the students have different routes to the goal, and I use their answers along the way to adjust.'],
    ['Jeg deler differentierede forløb med kolleger og hjælper dem med at tilpasse dem til deres egne hold.', 'I share differentiated units with colleagues and help them adapt the units to their own classes.'],
    ['Jeg udvikler nye måder at differentiere på med digitale værktøjer, fx adaptive forløb, og får dem afprøvet på flere hold.', 'I develop new ways of differentiating with digital tools, such as adaptive units, and get them tried out with several classes.'],
  ),
  // 5.3 Aktiv deltagelse
  '5.3': levels(
    ['I mine timer ser eleverne mest på det, jeg viser; de bruger ikke selv digitale værktøjer aktivt.', 'In my lessons the students mostly watch what I show; they do not use digital tools actively themselves.'],
    ['Jeg har prøvet en afstemning, et spil eller en fælles opgave på skærmen for at få eleverne i gang.', 'I have tried a poll, a game or a shared task on screen to get the students going.'],
    ['Jeg bruger fast digitale aktiviteter, hvor eleverne selv undersøger, svarer og laver noget.', 'I use digital activities as a matter of course, where the students explore, answer and make something themselves.'],
    ['Jeg vælger aktiviteter, hvor det digitale giver eleverne mere at tænke over, ikke bare mere at klikke på.', 'I choose activities where the digital tools give the students more to think about, not just more to click on.'],
    ['Jeg inspirerer kolleger med aktiviteter, der engagerer eleverne, og drøfter med dem, hvad der virker for netop deres hold.', 'I inspire colleagues with activities that engage students, and discuss with them what works for their particular classes.'],
    ['Jeg tager initiativ til forløb, hvor eleverne er med til at vælge og forme de digitale værktøjer og opgaver.', 'I take the initiative for units where the students help choose and shape the digital tools and tasks.'],
  ),
  // 6.1 Informationskompetence
  '6.1': levels(
    ['Mine elever søger selv på nettet, men jeg har ikke undervist dem i at vurdere det, de finder.', 'My students search online by themselves, but I have not taught them how to judge what they find.'],
    ['Jeg har talt med eleverne om, hvordan man ser, om en kilde er til at stole på.', 'I have talked with the students about how to tell whether a source can be trusted.'],
    ['Jeg lærer fast eleverne at søge målrettet og tjekke kilder i de opgaver, de løser i faget.', 'I teach the students as a matter of course to search purposefully and check sources in the tasks they solve in the trade.'],
    ['Jeg laver opgaver, hvor eleverne skal sammenligne kilder, finde fejl og forklare, hvorfor de stoler på en oplysning.', 'I set tasks where the students compare sources, spot errors and explain why they trust a piece of information.'],
    ['Jeg hjælper kolleger med at arbejde med informationssøgning og kildekritik i deres fag.', 'I help colleagues work on searching for information and source criticism in their subjects.'],
    ['Jeg tager initiativ til en fælles progression i informationskompetence på tværs af skolens uddannelser.', "I take the initiative for a shared progression in information literacy across the school's programmes."],
  ),
  // 6.2 Digital kommunikation
  '6.2': levels(
    ['Jeg har ikke undervist eleverne i, hvordan man kommunikerer og samarbejder digitalt.', 'I have not taught the students how to communicate and collaborate digitally.'],
    ['Jeg har talt med eleverne om tone og form, når de skriver til hinanden, til mig eller til en virksomhed.', 'I have talked with the students about tone and form when they write to each other, to me or to a company.'],
    ['Jeg lærer fast eleverne at skrive, dele og samarbejde digitalt på en måde, der passer til faget og arbejdspladsen.', 'I teach the students as a matter of course to write, share and collaborate digitally in a way that suits the trade and the workplace.'],
    ['Jeg lader eleverne øve digital kommunikation i virkelige situationer, fx med kunder eller praktiksteder, og taler med dem om, hvad der virkede.', 'I let the students practise digital communication in real situations, for example with customers or workplaces, and talk with them about what worked.'],
    ['Jeg deler forløb om digital kommunikation med kolleger og hjælper dem med at tilpasse forløbene til deres fag.', 'I share units on digital communication with colleagues and help them adapt the units to their subjects.'],
    ['Jeg opbygger samarbejder, hvor eleverne kommunikerer digitalt med virksomheder eller med elever i andre lande.', 'I build partnerships where the students communicate digitally with companies or with students in other countries.'],
  ),
  // 6.3 Digitalt indhold
  '6.3': levels(
    ['Mine elever afleverer mest tekst; jeg har ikke bedt dem lave video, lyd eller billeder.', 'My students mostly hand in text; I have not asked them to make video, audio or pictures.'],
    ['Jeg har prøvet at lade eleverne aflevere en video, en præsentation eller et billede.', 'I have tried letting the students hand in a video, a presentation or a picture.'],
    ['Jeg lader jævnligt eleverne skabe digitalt indhold, fx instruktionsvideoer eller fotodokumentation af deres arbejde.', 'I regularly let the students create digital content, such as instruction videos or photo documentation of their work.'],
    ['Jeg vælger, hvilken slags digitalt indhold der bedst viser elevernes faglighed, og giver dem kriterier for kvaliteten.', "I choose which kind of digital content best shows the students' skills, and I give them criteria for quality."],
    ['Jeg viser kolleger, hvordan elevernes digitale produkter kan bruges i undervisningen og i evalueringen.', "I show colleagues how the students' digital products can be used in teaching and in assessment."],
    ['Jeg tager initiativ til projekter, hvor eleverne skaber digitalt indhold, som bruges uden for skolen, fx af virksomheder eller nye elever.', 'I take the initiative for projects where the students create digital content that is used outside the school, for example by companies or new students.'],
  ),
  // 6.4 Ansvarlig brug
  '6.4': levels(
    ['Jeg siger til, når jeg ser noget upassende på elevernes skærme, men har ikke undervist i digital dannelse.', "I speak up when I see something inappropriate on the students' screens, but I have not taught digital citizenship."],
    ['Jeg har talt med eleverne om passwords, deling af billeder eller en god tone online.', 'I have talked with the students about passwords, sharing pictures or keeping a good tone online.'],
    ['Jeg arbejder fast med sikkerhed, persondata og trivsel online, når det passer ind i mine forløb.', 'I work with security, personal data and well-being online as a matter of course when it fits into my units.'],
    ['Jeg tager dilemmaer op fra elevernes hverdag og fag, fx billeder fra arbejdspladsen, og lader dem tage stilling.', "I bring up dilemmas from the students' everyday life and trade, such as pictures from the workplace, and let them take a stand."],
    ['Jeg hjælper kolleger med at tage samtalen om digital adfærd og med at handle, når noget går galt.', 'I help colleagues have the conversation about digital behaviour and act when something goes wrong.'],
    ['Jeg er med til at formulere skolens arbejde med digital dannelse og trivsel og få det ind i alle uddannelser.', "I help frame the school's work on digital citizenship and well-being and bring it into every programme."],
  ),
  // 6.5 Digital problemløsning
  '6.5': levels(
    ['Når noget driller på computeren, løser jeg det for eleverne eller sender dem videre til it-support.', 'When something plays up on the computer, I fix it for the students or send them on to IT support.'],
    ['Jeg har givet eleverne en opgave, hvor de selv skulle finde ud af at bruge et nyt program.', 'I have given the students a task where they had to work out a new program by themselves.'],
    ['Jeg lader jævnligt eleverne løse faglige problemer med digitale værktøjer og prøve sig frem, før de spørger.', 'I regularly let the students solve problems in the trade with digital tools and try things out before they ask.'],
    ['Jeg laver opgaver, hvor eleverne selv skal vælge værktøj og forklare, hvordan de løste problemet.', 'I set tasks where the students choose the tool themselves and explain how they solved the problem.'],
    ['Jeg deler problemløsningsopgaver med kolleger og hjælper dem med at give eleverne mere ansvar for at finde løsninger.', 'I share problem-solving tasks with colleagues and help them give the students more responsibility for finding solutions.'],
    ['Jeg tager initiativ til forløb med fx programmering, automatisering eller innovation, hvor eleverne løser virkelige problemer fra faget.', 'I take the initiative for units on, for example, programming, automation or innovation, where the students solve real problems from the trade.'],
  ),
  // 7.1 Fagets teknologi
  '7.1': levels(
    ['Jeg kender kun lidt til de digitale værktøjer og maskiner, faget bruger i dag, og har brug for hjælp til at bruge dem.', 'I know little of the digital tools and machines the trade uses today and need help to use them.'],
    ['Jeg har prøvet nogle af fagets nyere digitale værktøjer, fx på et kursus eller ude i en virksomhed.', "I have tried some of the trade's newer digital tools, for example on a course or out at a company."],
    ['Jeg bruger fagets digitale værktøjer og maskiner sikkert i undervisningen og lærer eleverne at bruge dem.', "I use the trade's digital tools and machines confidently in my teaching and teach the students to use them."],
    ['Jeg følger med i, hvordan teknologien ændrer faget, og vurderer, hvad eleverne skal kunne, når de er udlært.', 'I keep up with how technology is changing the trade and judge what the students must be able to do when they qualify.'],
    ['Jeg lærer kolleger at bruge fagets nye teknologi og deler, hvad jeg hører fra virksomhederne.', "I teach colleagues to use the trade's new technology and pass on what I hear from companies."],
    ['Jeg er med til at bringe ny teknologi ind i uddannelsen, fx gennem indkøb, nye forløb eller samarbejde med branchen.', 'I help bring new technology into the programme, for example through purchases, new units or work with the industry.'],
  ),
  // 7.2 Simulation og visualisering
  '7.2': levels(
    ['Jeg har ikke brugt simulation, VR/AR eller video af praksis i min undervisning.', 'I have not used simulation, VR/AR or video of practice in my teaching.'],
    ['Jeg har vist eleverne en video af en arbejdsgang eller prøvet en simulation sammen med dem.', 'I have shown the students a video of a work process or tried a simulation with them.'],
    ['Jeg bruger jævnligt simulation eller video, så eleverne kan se og øve arbejdsgange, før de gør det i virkeligheden.', 'I regularly use simulation or video so that the students can see and practise work processes before they do them for real.'],
    ['Jeg vurderer, hvornår en simulation giver mere end det rigtige værksted, og hvornår eleverne skal have hænderne i materialet.', 'I judge when a simulation gives more than the real workshop, and when the students need their hands on the material.'],
    ['Jeg hjælper kolleger i gang med simulation og video og deler de forløb, der har virket.', 'I help colleagues get started with simulation and video and share the units that have worked.'],
    ['Jeg udvikler nye simulationer, VR-forløb eller videoer af praksis sammen med kolleger eller virksomheder.', 'I develop new simulations, VR units or videos of practice together with colleagues or companies.'],
  ),
  // 7.3 Kobling til praktik
  '7.3': levels(
    ['Jeg ved ikke meget om, hvilke digitale værktøjer eleverne møder i praktikken.', 'I do not know much about the digital tools the students meet in their internship.'],
    ['Jeg har spurgt elever eller praktiksteder, hvilke digitale værktøjer de bruger på arbejdspladsen.', 'I have asked students or workplaces which digital tools they use at work.'],
    ['Jeg lader fast eleverne dokumentere praktikken digitalt og bruger det i undervisningen, når de er tilbage.', 'I let the students document their internship digitally as a matter of course and use it in my teaching when they are back.'],
    ['Jeg tilrettelægger opgaver på tværs af skole og praktik, så eleverne bruger de samme digitale værktøjer begge steder.', 'I plan tasks that cross school and internship, so that the students use the same digital tools in both places.'],
    ['Jeg samarbejder med praktikvejledere om elevernes digitale logbog og hjælper kolleger med at gøre det samme.', "I work with workplace supervisors on the students' digital logbooks and help colleagues do the same."],
    ['Jeg tager initiativ til nye samarbejder med virksomheder om digital praksis, fx fælles opgaver, udstyr eller efteruddannelse.', 'I take the initiative for new partnerships with companies on digital practice, such as shared tasks, equipment or continuing education.'],
  ),
};

export const STUDENT_STATEMENTS: Record<string, LevelStatement[]> = {
  // E1.1 Søge og vurdere
  'E1.1': levels(
    ['Jeg kan søge på nettet, når nogen viser mig, hvor og hvordan.', 'I can search online when someone shows me where and how.'],
    ['Jeg finder selv information til en opgave, når jeg ved, hvor jeg skal lede.', 'I find information for a task by myself when I know where to look.'],
    ['Jeg søger selv og tjekker, hvem der står bag, før jeg bruger det, jeg finder.', 'I search on my own and check who is behind it before I use what I find.'],
    ['Jeg kan vurdere kilder, jeg ikke kender i forvejen, og forklare, hvorfor jeg stoler på dem eller ej.', 'I can judge sources I did not know before and explain why I trust them or not.'],
    ['Jeg hjælper klassekammerater med at finde gode kilder og se, når noget er forkert.', 'I help classmates find good sources and spot when something is wrong.'],
    ['Jeg finder nye steder at hente viden til faget, fx hos producenter eller fagfolk, og deler dem med holdet.', 'I find new places to get knowledge for the trade, for example from manufacturers or professionals, and share them with the class.'],
  ),
  // E2.1 Samarbejde online
  'E2.1': levels(
    ['Jeg kan åbne og skrive i et delt dokument, når nogen hjælper mig.', 'I can open and write in a shared document when someone helps me.'],
    ['Jeg deler selv filer og skriver med i fælles dokumenter på skolens platform.', 'I share files myself and write in shared documents on the school platform.'],
    ['Jeg vælger selv, hvordan gruppen bedst deler og arbejder sammen online.', 'I decide myself how the group best shares and works together online.'],
    ['Jeg kan samarbejde online med nye mennesker, fx i praktikken, og aftale, hvordan vi gør.', 'I can collaborate online with new people, for example in my internship, and agree how we do it.'],
    ['Jeg hjælper min gruppe i gang med at samarbejde online og løser problemerne, når noget driller.', 'I help my group get started working together online and sort out the problems when something plays up.'],
    ['Jeg finder nye måder, holdet kan arbejde sammen digitalt på, og viser de andre hvordan.', 'I find new ways for the class to work together digitally and show the others how.'],
  ),
  // E3.1 Dokumentere praksis
  'E3.1': levels(
    ['Jeg kan tage et billede af mit arbejde og lægge det op, når nogen viser mig hvordan.', 'I can take a photo of my work and upload it when someone shows me how.'],
    ['Jeg dokumenterer selv mit arbejde med billeder og korte tekster i logbogen.', 'I document my work myself with photos and short texts in the logbook.'],
    ['Jeg vælger selv, om foto, video eller tekst viser mit arbejde bedst.', 'I decide myself whether a photo, a video or text shows my work best.'],
    ['Jeg dokumenterer også nye opgaver i praktikken, så andre kan se og forstå, hvad jeg har gjort og hvorfor.', 'I also document new tasks in my internship, so that others can see and understand what I did and why.'],
    ['Jeg hjælper klassekammerater med at dokumentere deres arbejde godt.', 'I help classmates document their work well.'],
    ['Jeg laver dokumentation, fx instruktionsvideoer, som andre elever eller virksomheden kan bruge.', 'I make documentation, such as instruction videos, that other students or the company can use.'],
  ),
  // E4.1 Sikker adfærd
  'E4.1': levels(
    ['Jeg ved, at jeg skal passe på mit password, men har brug for hjælp til at gøre det sikkert.', 'I know I must look after my password, but I need help to do it safely.'],
    ['Jeg holder mit password for mig selv og spørger, før jeg lægger billeder af andre op.', 'I keep my password to myself and ask before I post pictures of other people.'],
    ['Jeg passer selv på mine data og andres billeder og ved, hvad jeg ikke må dele fra praktikstedet.', "I look after my data and other people's pictures myself and know what I must not share from my workplace."],
    ['Jeg kan tage stilling i nye situationer, fx en mistænkelig mail eller et billede fra en kunde, og forklare mit valg.', 'I can make up my mind in new situations, such as a suspicious e-mail or a picture from a customer, and explain my choice.'],
    ['Jeg hjælper klassekammerater, når de er i tvivl om sikkerhed eller møder noget ubehageligt online.', 'I help classmates when they are unsure about security or meet something unpleasant online.'],
    ['Jeg kommer med forslag til, hvordan holdet eller skolen kan gøre det mere trygt at være online.', 'I come up with ideas for how the class or the school can make being online safer.'],
  ),
  // E5.1 Bruge fagets værktøjer
  'E5.1': levels(
    ['Jeg kan bruge fagets digitale værktøjer, når læreren står ved siden af.', "I can use the trade's digital tools when the teacher is standing beside me."],
    ['Jeg bruger selv fagets digitale værktøjer til opgaver, jeg har prøvet før.', "I use the trade's digital tools by myself for tasks I have done before."],
    ['Jeg vælger selv det rigtige digitale værktøj til opgaven i værkstedet.', 'I choose the right digital tool for the task in the workshop myself.'],
    ['Jeg kan bruge fagets digitale værktøjer i nye opgaver og forklare, hvorfor jeg gør, som jeg gør.', "I can use the trade's digital tools in new tasks and explain why I do what I do."],
    ['Jeg hjælper klassekammerater med fagets digitale værktøjer.', "I help classmates with the trade's digital tools."],
    ['Jeg finder nye digitale værktøjer eller smartere måder at bruge dem på i faget.', 'I find new digital tools, or smarter ways of using them, in the trade.'],
  ),
};
