using System.Globalization;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Localization;
using static Thuis.Web.Features.Plans.ParticipationDomain;
using static Thuis.Web.Features.SocialMap.OfferKind;
using static Thuis.Web.Features.SocialMap.TargetAudience;

namespace Thuis.Web.Features.SocialMap;

/// <summary>
/// A fictional but recognisable social map for a demo municipality: about thirty organisations (clubs, churches and
/// a mosque, the library, VluchtelingenWerk, schools with parent rooms, employers, debt help) with about eighty
/// offers, and forty volunteers. Names are made up; the same seed gives the same map every time. The coverage view
/// shows gaps (money matters for young people, work for women) and overlap (meeting people for everyone).
/// </summary>
public static class DemoSocialMap
{
    private sealed record OfferTemplate(
        string Title, OfferKind Kind, string Description, string Schedule, string When, decimal Cost, int? Capacity, CefrLevel Level,
        bool LowThreshold, ParticipationDomain[] Domains, TargetAudience[] Audiences, string[] Tags);

    private sealed record OrganisationTemplate(
        string Name, OrganisationType Type, bool Partner, string? Hours, string[] Languages, ParticipationDomain[] Domains, string Description,
        OfferTemplate[] Offers);

    private static OfferTemplate O(string title, OfferKind kind, string description, string schedule, string when, decimal cost, int? capacity,
        CefrLevel level, bool fun, ParticipationDomain[] domains, TargetAudience[] audiences, params string[] tags) =>
        new(title, kind, description, schedule, when, cost, capacity, level, fun, domains, audiences, tags);

    private static readonly TargetAudience[] Everyone = [];

    private static OrganisationTemplate[] Templates(string city, string[] schools) =>
    [
        new($"Voetbalvereniging {city}", OrganisationType.SportsClub, false, "di en do 18.30–22.00, za 9.00–17.00", ["Engels"], [Meeting, ContributingToSociety],
            "Voetbal voor jeugd, senioren en 50-plussers; de kantine draait op vrijwilligers.",
            [
                O("Meetrainen bij de senioren", Membership, "Twee keer meetrainen zonder lidmaatschap; daarna contributie met korting via het jeugdfonds.", "dinsdag en donderdag 19.30–21.00", "di avond, do avond", 0, 4, CefrLevel.None, true, [Meeting], Everyone, "sport", "voetbal"),
                O("Walking football", Activity, "Voetballen in wandeltempo, met koffie na afloop.", "woensdag 10.00–11.30", "wo ochtend", 0, 6, CefrLevel.None, true, [Meeting], [Over50], "sport", "voetbal"),
                O("Vrijwilliger in de kantine", OfferKind.VolunteerRole, "Bardienst op zaterdag, samen met een vaste vrijwilliger.", "zaterdag, om de week", "za", 0, 2, CefrLevel.A1, true, [ContributingToSociety, Meeting], Everyone, "koken voor een groep", "vrijwilligerswerk"),
                O("Jeugdtrainer in opleiding", OfferKind.VolunteerRole, "Helpen bij de training van de jongste jeugd; de club betaalt de cursus.", "woensdag 14.00–16.00", "wo middag", 0, 2, CefrLevel.A2, false, [ContributingToSociety], [Youth], "een team coachen", "kinderen", "sport begeleiden"),
            ]),
        new($"Zwemvereniging De Golf {city}", OrganisationType.SportsClub, false, "ma t/m za, zie rooster", [], [Meeting, SelfReliance],
            "Zwemles voor volwassenen en kinderen, ook in kleine groepen voor wie nooit heeft leren zwemmen.",
            [
                O("Zwemles voor volwassenen", Course, "Leren zwemmen in een kleine groep; ook een damesuur.", "maandag 19.00–20.00", "ma avond", 45, 8, CefrLevel.None, false, [SelfReliance], Everyone, "sport"),
                O("Damesuur zwemmen", Activity, "Recreatief zwemmen met alleen vrouwen in het bad en vrouwelijke badmeesters.", "vrijdag 20.00–21.00", "vr avond", 3.5m, null, CefrLevel.None, true, [Meeting], [Women], "sport"),
            ]),
        new($"Tennisclub {city}", OrganisationType.SportsClub, false, "dagelijks 9.00–22.00", ["Engels"], [Meeting],
            "Tennis en padel; nieuwe leden krijgen een maatje.",
            [
                O("Kennismaken met padel", Activity, "Drie gratis lessen, rackets te leen.", "zaterdag 10.00–11.00", "za ochtend", 0, 6, CefrLevel.None, true, [Meeting], Everyone, "sport"),
            ]),
        new($"Wandelclub Stap voor Stap {city}", OrganisationType.SportsClub, false, null, [], [Meeting, SelfReliance],
            "Wekelijkse wandelingen in de omgeving; iedereen kan aansluiten.",
            [
                O("Ochtendwandeling", Activity, "Een uur wandelen en daarna koffie; Nederlands oefenen gaat vanzelf.", "dinsdag 9.30", "di ochtend", 0, null, CefrLevel.None, true, [Meeting], Everyone, "natuur", "taal"),
                O("Wandelen voor 50-plussers", Activity, "Rustig tempo, korte route.", "donderdag 10.00", "do ochtend", 0, null, CefrLevel.None, true, [Meeting, SelfReliance], [Over50], "natuur"),
            ]),
        new($"Muziekvereniging Crescendo {city}", OrganisationType.MusicAndCulture, false, "repetitie maandagavond", ["Engels", "Duits"], [Meeting, ContributingToSociety],
            "Harmonieorkest met een opleidingsorkest en instrumenten te leen.",
            [
                O("Instrument leren bespelen", Course, "Les op een geleend instrument; betaald uit het jeugdfonds cultuur.", "maandag 18.30–19.15", "ma avond", 0, 3, CefrLevel.None, true, [Meeting], [Youth], "muziek"),
                O("Meespelen in het opleidingsorkest", Membership, "Wie al speelt, kan direct aansluiten.", "maandag 19.30–21.30", "ma avond", 12.5m, 4, CefrLevel.A1, false, [Meeting], Everyone, "muziek", "muziek maken"),
            ]),
        new($"Gemengd koor Zanglust {city}", OrganisationType.MusicAndCulture, false, null, [], [Meeting],
            "Koor van zo’n veertig leden; zingt Nederlandse en internationale liederen.",
            [
                O("Meezingen bij Zanglust", Membership, "Teksten worden uitgelegd; noten lezen is niet nodig.", "woensdag 20.00–22.00", "wo avond", 10, 5, CefrLevel.A1, true, [Meeting], Everyone, "zingen", "muziek"),
                O("Zingen in de wereldkoor-workshop", Activity, "Eenmalig per seizoen: liederen uit de landen van de deelnemers.", "zaterdag in maart en oktober", "za middag", 0, 15, CefrLevel.None, true, [Meeting, ContributingToSociety], Everyone, "zingen", "muziek maken"),
            ]),
        new($"Stichting Kunst en Cultuur {city}", OrganisationType.MusicAndCulture, false, "wo t/m za 13.00–17.00", ["Engels", "Frans"], [Meeting, ContributingToSociety],
            "Ateliers, exposities en cursussen voor amateurs.",
            [
                O("Open atelier", Activity, "Schilderen en tekenen met begeleiding; materiaal aanwezig.", "donderdag 14.00–16.00", "do middag", 2, 8, CefrLevel.None, true, [Meeting], Everyone, "kunst"),
                O("Fotografiecursus in eigen taal en Nederlands", Course, "Zes lessen, met een expositie aan het eind.", "zaterdag 10.00–12.00, zes weken", "za ochtend", 25, 10, CefrLevel.A1, false, [Meeting, ContributingToSociety], [Youth], "fotografie", "kunst"),
                O("Gastvrouw of gastheer bij exposities", OfferKind.VolunteerRole, "Bezoekers ontvangen en iets vertellen over de kunst.", "zaterdagmiddag, om de twee weken", "za middag", 0, 2, CefrLevel.A2, false, [ContributingToSociety], Everyone, "kunst", "vrijwilligerswerk"),
            ]),
        new($"Protestantse Gemeente {city}", OrganisationType.ReligiousCommunity, false, "kerkelijk bureau di en do 9.00–12.00", ["Engels"], [Meeting, CaringForOthers, ContributingToSociety],
            "Kerkgemeente met een diaconie die meedoet in de vluchtelingenhulp.",
            [
                O("Inloopkoffie in de Dorpskerk", Activity, "Iedereen welkom, ook zonder geloof.", "donderdag 10.00–12.00", "do ochtend", 0, null, CefrLevel.None, true, [Meeting], Everyone, "taal"),
                O("Maaltijd van de diaconie", Activity, "Samen koken en eten, één keer per maand.", "laatste vrijdag van de maand, 17.30", "vr avond", 0, 30, CefrLevel.None, true, [Meeting, CaringForOthers], Everyone, "koken", "koken voor een groep"),
                O("Bezoekwerk bij ouderen", OfferKind.VolunteerRole, "Met een vaste vrijwilliger op bezoek bij ouderen in de buurt.", "in overleg", "", 0, 3, CefrLevel.A2, false, [CaringForOthers, ContributingToSociety], Everyone, "ouderen", "zorgen voor ouderen"),
            ]),
        new($"Parochie H. Maria {city}", OrganisationType.ReligiousCommunity, false, "op afspraak", [], [Meeting, CaringForOthers],
            "Katholieke parochie met een actieve werkgroep voor nieuwe inwoners.",
            [
                O("Kledingruil in het parochiehuis", Activity, "Kleding ruilen en een kop thee.", "eerste zaterdag van de maand, 10.00–12.00", "za ochtend", 0, null, CefrLevel.None, true, [Meeting, FinancialHealth], Everyone, "naaien"),
                O("Moestuin van de parochie", OfferKind.VolunteerRole, "Samen tuinieren; de oogst gaat naar de voedselbank.", "woensdag 9.00–12.00, april t/m oktober", "wo ochtend", 0, 6, CefrLevel.None, true, [ContributingToSociety, Meeting], Everyone, "tuinieren", "natuur"),
            ]),
        new($"Moskee Al-Nour {city}", OrganisationType.ReligiousCommunity, false, "dagelijks; secretariaat op afspraak", ["Arabisch", "Turks", "Somalisch"], [Meeting, CaringForOthers, SelfReliance],
            "Moskee met een vrouwengroep, huiswerkbegeleiding en voorlichting in meerdere talen.",
            [
                O("Vrouwengroep", Activity, "Elke week samen, met soms een gast van de GGD of de school.", "dinsdag 10.00–12.00", "di ochtend", 0, 20, CefrLevel.None, true, [Meeting, SelfReliance], [Women], "koken", "geloof"),
                O("Huiswerkbegeleiding", Activity, "Begeleiding voor kinderen van groep 6 tot de brugklas.", "woensdag 14.00–16.00", "wo middag", 0, 15, CefrLevel.None, false, [CaringForOthers], [Youth, Parents], "kinderen", "lesgeven"),
                O("Voorlichting in eigen taal", Activity, "Bijeenkomsten over zorg, school en geld, in het Arabisch en Somalisch.", "eens per maand, zondag 14.00", "zo middag", 0, 40, CefrLevel.None, true, [SelfReliance, FinancialHealth], Everyone, "geloof", "voorlichting aan landgenoten"),
            ]),
        new($"Evangelische gemeente De Rank {city}", OrganisationType.ReligiousCommunity, false, null, ["Engels", "Tigrinya"], [Meeting],
            "Kleine gemeente met Eritrese en Nederlandse leden.",
            [
                O("Internationale zondagmiddag", Activity, "Samen eten en zingen, in het Engels, Tigrinya en Nederlands.", "derde zondag van de maand", "zo middag", 0, null, CefrLevel.None, true, [Meeting], Everyone, "zingen", "geloof"),
            ]),
        new($"Vrijwilligerscentrale {city}", OrganisationType.VolunteerOrganisation, true, "ma t/m do 9.00–13.00", ["Engels"], [ContributingToSociety, PaidWork],
            "Bemiddelt vrijwilligerswerk en begeleidt de eerste weken.",
            [
                O("Vrijwilligerswerk op maat", OfferKind.VolunteerRole, "Een gesprek over wat je kunt en wilt, en een plek die past.", "op afspraak", "", 0, 10, CefrLevel.None, true, [ContributingToSociety], Everyone, "vrijwilligerswerk"),
                O("Leerwerkplek als vrijwilliger", OfferKind.VolunteerRole, "Vrijwilligerswerk met een werkbegeleider, als opstap naar betaald werk (Piëzo-fase 3).", "twee dagdelen per week", "di ochtend, do ochtend", 0, 6, CefrLevel.A2, false, [ContributingToSociety, PaidWork], Everyone, "vrijwilligerswerk"),
                O("Maatschappelijke stage voor jongeren", Internship, "Korte stages bij clubs en zorginstellingen.", "in overleg", "", 0, 8, CefrLevel.A2, false, [ContributingToSociety], [Youth], "vrijwilligerswerk"),
            ]),
        new($"Repair Café {city}", OrganisationType.VolunteerOrganisation, false, "tweede zaterdag van de maand", [], [ContributingToSociety, Meeting],
            "Samen repareren in plaats van weggooien.",
            [
                O("Meerepareren in het Repair Café", OfferKind.VolunteerRole, "Fietsen, kleding en apparaten repareren met vaste vrijwilligers.", "tweede zaterdag van de maand, 10.00–13.00", "za ochtend", 0, 4, CefrLevel.None, true, [ContributingToSociety, Meeting], Everyone, "fietsen repareren", "klussen en repareren", "techniek"),
                O("Naaiatelier", Activity, "Kleding herstellen en leren naaien.", "tweede zaterdag van de maand", "za ochtend", 0, 6, CefrLevel.None, true, [Meeting], [Women], "naaien", "handwerk"),
            ]),
        new($"Voedselbank {city}", OrganisationType.VolunteerOrganisation, false, "uitgifte vrijdag 13.00–16.00", ["Engels", "Arabisch"], [FinancialHealth, ContributingToSociety],
            "Voedselpakketten voor wie (even) niet rondkomt, gedragen door vrijwilligers.",
            [
                O("Vrijwilliger bij de uitgifte", OfferKind.VolunteerRole, "Pakketten samenstellen en uitdelen.", "vrijdag 12.00–16.00", "vr middag", 0, 4, CefrLevel.A1, false, [ContributingToSociety], Everyone, "vrijwilligerswerk"),
                O("Intake voedselpakket", Activity, "Aanvragen na verwijzing door schuldhulp of de gemeente.", "op afspraak", "", 0, null, CefrLevel.None, false, [FinancialHealth], Everyone),
            ]),
        new($"Bibliotheek {city}", OrganisationType.Library, true, "ma t/m vr 10.00–18.00, za 10.00–14.00", ["Engels", "Arabisch", "Oekraïens"], [Meeting, SelfReliance, FinancialHealth],
            "Met het Taalhuis, het Digicafé en spreekuren over geld en formulieren.",
            [
                O("Taalcafé", Activity, "Nederlands praten met vrijwilligers, op je eigen niveau.", "woensdag 10.00–11.30", "wo ochtend", 0, null, CefrLevel.PreA1, true, [Meeting, SelfReliance], Everyone, "taal", "lezen"),
                O("Digicafé: DigiD en de computer", Course, "Leren werken met DigiD, e-mail en de sites van de overheid.", "donderdag 13.30–15.30", "do middag", 0, 8, CefrLevel.A1, false, [SelfReliance], Everyone, "computers"),
                O("Spreekuur Geld en formulieren", Activity, "Hulp bij brieven, toeslagen en formulieren.", "dinsdag 14.00–16.00", "di middag", 0, null, CefrLevel.None, false, [FinancialHealth, SelfReliance], Everyone, "taal"),
                O("Voorleesuur voor ouders en peuters", Activity, "Voorlezen en zingen, met tips voor thuis.", "vrijdag 10.00–10.45", "vr ochtend", 0, 12, CefrLevel.None, true, [CaringForOthers, Meeting], [Parents], "kinderen", "lezen"),
                O("Lees- en schrijfgroep", Course, "Beter leren lezen en schrijven in kleine groepen.", "maandag 9.30–11.30", "ma ochtend", 0, 8, CefrLevel.PreA1, false, [SelfReliance], [LowLiterate], "lezen", "taal"),
            ]),
        new($"{schools[0]} (ouderkamer)", OrganisationType.SchoolOrParentRoom, true, "ouderkamer ma, wo en vr 8.30–11.00", ["Engels", "Arabisch"], [CaringForOthers, Meeting],
            "Basisschool met een ouderkamer waar ouders elkaar ontmoeten.",
            [
                O("Koffieochtend in de ouderkamer", Activity, "Ouders ontmoeten elkaar en de leerkrachten.", "maandag 8.30–10.00", "ma ochtend", 0, null, CefrLevel.None, true, [CaringForOthers, Meeting], [Parents], "kinderen", "taal"),
                O("Taal voor ouders", Course, "Nederlands over school, huiswerk en de juf.", "woensdag 8.45–10.15", "wo ochtend", 0, 12, CefrLevel.PreA1, false, [CaringForOthers, SelfReliance], [Parents], "taal", "kinderen"),
                O("Overblijfouder", OfferKind.VolunteerRole, "Helpen tussen de middag, tegen een kleine vergoeding.", "di en do 12.00–13.00", "di middag, do middag", 0, 3, CefrLevel.A1, false, [CaringForOthers, ContributingToSociety], [Parents], "kinderen", "oppassen"),
                O("Assistent in de taalklas (werkervaringsplaats)", Internship, "Meehelpen in de klas voor nieuwkomerskinderen, met een eigen mentor; Arabisch of Tigrinya is welkom.", "drie ochtenden per week", "ma ochtend, wo ochtend, vr ochtend", 0, 2, CefrLevel.A1, false, [PaidWork, CaringForOthers], Everyone, "kinderen", "lesgeven"),
                O("Onderwijsassistent (leerwerkbaan)", OfferKind.Job, "Betaald werk in de groepen 1 tot en met 4, met de opleiding tot onderwijsassistent.", "24 uur per week", "ma, di, do", 0, 1, CefrLevel.A2, false, [PaidWork], Everyone, "kinderen", "lesgeven"),
                O("Leraar basisonderwijs (zij-instroom)", OfferKind.Job, "Voor wie al leraar was: werken en in twee jaar de bevoegdheid halen.", "32 uur per week", "ma, di, wo, do", 0, 1, CefrLevel.B2, false, [PaidWork], Everyone, "kinderen", "lesgeven"),
            ]),
        new($"{schools[1]} (ouderkamer)", OrganisationType.SchoolOrParentRoom, false, "ouderkamer di en do 8.30–10.30", ["Engels"], [CaringForOthers],
            "Basisschool met spreekuur voor ouders over opvoeden en onderwijs.",
            [
                O("Opvoedspreekuur", Activity, "Vragen over opvoeden, met een tolk als dat nodig is.", "dinsdag 8.30–10.00", "di ochtend", 0, null, CefrLevel.None, false, [CaringForOthers], [Parents], "kinderen"),
                O("Moedergroep", Activity, "Moeders praten over school, gezondheid en opvoeden.", "donderdag 9.00–10.30", "do ochtend", 0, 10, CefrLevel.None, true, [CaringForOthers, Meeting], [Parents, Women], "kinderen", "koken"),
            ]),
        new($"Taalschool Spreekwoord {city}", OrganisationType.LanguageSchool, false, "ma t/m vr 8.30–17.00", ["Engels", "Arabisch", "Tigrinya", "Dari"], [SelfReliance, PaidWork],
            "Gecertificeerde taalschool voor de B1-route en de Z-route.",
            [
                O("Alfabetisering", Course, "Leren lezen en schrijven in het Latijnse schrift.", "ma, wo, vr 9.00–12.00", "ma ochtend, wo ochtend, vr ochtend", 0, 12, CefrLevel.None, false, [SelfReliance], [LowLiterate], "taal"),
                O("Nederlands op de werkvloer", Course, "Taal voor werk: veiligheid, collega’s en de baas.", "dinsdag en donderdag 13.00–16.00", "di middag, do middag", 0, 14, CefrLevel.A1, false, [PaidWork, SelfReliance], Everyone, "taal"),
                O("Examentraining B1", Course, "Oefenen voor de examens van de B1-route.", "maandag 18.30–21.00", "ma avond", 0, 14, CefrLevel.A2, false, [SelfReliance], Everyone, "taal"),
            ]),
        new($"Zorggroep {city}", OrganisationType.Employer, true, "ma t/m vr 8.30–17.00", ["Engels"], [PaidWork, CaringForOthers],
            "Verpleeg- en verzorgingshuizen en thuiszorg; leidt zelf op.",
            [
                O("Helpende Zorg en Welzijn (leerwerkbaan)", OfferKind.Job, "Werken en leren: mbo-2 in twee jaar, met een vaste begeleider.", "vier dagen per week", "ma ochtend, di ochtend, wo ochtend, do ochtend", 0, 4, CefrLevel.A2, false, [PaidWork], Everyone, "zorgen voor ouderen", "ouderen"),
                O("Snuffelstage in de zorg", Internship, "Twee weken meelopen op een afdeling.", "in overleg", "", 0, 6, CefrLevel.A1, false, [PaidWork, CaringForOthers], Everyone, "ouderen"),
                O("Vrijwilliger bij activiteiten voor bewoners", OfferKind.VolunteerRole, "Wandelen, spelletjes en muziek met bewoners.", "woensdagmiddag", "wo middag", 0, 5, CefrLevel.A1, true, [CaringForOthers, ContributingToSociety], Everyone, "ouderen", "spellen", "zorgen voor ouderen"),
            ]),
        new($"Bouwbedrijf Van der Velde {city}", OrganisationType.Employer, false, "ma t/m vr 7.00–16.00", [], [PaidWork],
            "Bouwbedrijf dat vakmensen zoekt en graag opleidt.",
            [
                O("Timmerman in opleiding", OfferKind.Job, "Leer-werktraject met een vaste meester-gezel.", "fulltime", "ma, di, wo, do, vr", 0, 2, CefrLevel.A2, false, [PaidWork], [Youth], "techniek", "klussen en repareren"),
                O("Werkervaringsplek bouw", Internship, "Drie maanden meedraaien op de bouwplaats.", "drie dagen per week", "ma ochtend, wo ochtend, vr ochtend", 0, 2, CefrLevel.A1, false, [PaidWork], Everyone, "techniek"),
            ]),
        new($"Supermarkt De Buurtwinkel {city}", OrganisationType.Employer, false, "ma t/m za 8.00–21.00", [], [PaidWork],
            "Supermarkt met ruimte voor bijbanen en leerwerkplekken.",
            [
                O("Vakkenvuller", OfferKind.Job, "Bijbaan, ook in de avond.", "avonden en zaterdag", "ma avond, wo avond, za", 0, 3, CefrLevel.A1, false, [PaidWork], [Youth], "koken"),
                O("Medewerker versafdeling (leerwerkbaan)", OfferKind.Job, "Met opleiding tot verkoopmedewerker mbo-2.", "32 uur per week", "di, wo, do, vr", 0, 2, CefrLevel.A2, false, [PaidWork], Everyone, "koken", "bakken"),
            ]),
        new($"Hoveniersbedrijf Groen en Co {city}", OrganisationType.Employer, false, "ma t/m vr 7.30–16.30", [], [PaidWork],
            "Tuinen aanleggen en onderhouden.",
            [
                O("Hovenier (werkervaringsplaats)", Internship, "Zes maanden werkervaring, met kans op een contract.", "vier dagen per week", "ma, di, wo, do", 0, 2, CefrLevel.A1, false, [PaidWork], Everyone, "tuinieren", "natuur"),
            ]),
        new($"Uitzendbureau WerkWijzer {city}", OrganisationType.Employer, true, "ma t/m vr 9.00–17.00", ["Engels", "Arabisch"], [PaidWork],
            "Bemiddelt naar werk in productie, logistiek en zorg, met jobcoaching.",
            [
                O("Sollicitatietraining", Course, "Cv maken, een pitch oefenen en een proefgesprek.", "donderdag 9.30–12.00, vier weken", "do ochtend", 0, 10, CefrLevel.A2, false, [PaidWork], Everyone, "computers"),
                O("Orderpicker", OfferKind.Job, "Werk in een distributiecentrum, in ploegen.", "ploegendienst", "ma, di, wo, do, vr", 0, 10, CefrLevel.A1, false, [PaidWork], Everyone, "techniek"),
                O("Productiemedewerker", OfferKind.Job, "Werk aan de lopende band bij een voedselproducent.", "dagdienst", "ma ochtend, di ochtend, wo ochtend, do ochtend, vr ochtend", 0, 6, CefrLevel.A1, false, [PaidWork], Everyone),
            ]),
        new($"Welzijn {city}", OrganisationType.Welfare, true, "ma t/m vr 9.00–17.00", ["Engels", "Arabisch", "Turks"], [Meeting, SelfReliance, CaringForOthers, FinancialHealth],
            "Welzijnsorganisatie met buurtwerk, maatschappelijk werk en mantelzorgondersteuning.",
            [
                O("Buurtmaaltijd", Activity, "Samen eten voor vijf euro; koks uit de buurt.", "donderdag 17.30", "do avond", 5, 30, CefrLevel.None, true, [Meeting], Everyone, "koken", "koken voor een groep"),
                O("Maatschappelijk werk", Activity, "Hulp bij zorgen over geld, gezin of gezondheid.", "op afspraak", "", 0, null, CefrLevel.None, false, [SelfReliance, FinancialHealth], Everyone),
                O("Mantelzorgcafé", Activity, "Voor wie zorgt voor een ziek familielid.", "eerste woensdag van de maand, 14.00", "wo middag", 0, 15, CefrLevel.A1, true, [CaringForOthers], Everyone, "zorgen voor ouderen"),
                O("Koken voor de buurtmaaltijd", OfferKind.VolunteerRole, "Gerechten uit je eigen land koken voor de buurt.", "donderdag 14.00–19.00", "do middag, do avond", 0, 3, CefrLevel.None, true, [ContributingToSociety, Meeting], Everyone, "koken voor een groep", "koken"),
            ]),
        new($"Buurthuis De Ontmoeting {city}", OrganisationType.Welfare, false, "ma t/m vr 9.00–22.00", [], [Meeting],
            "Buurthuis met cursussen, spelletjes en een kookgroep.",
            [
                O("Spelletjesmiddag", Activity, "Sjoelen, dammen, kaarten en koffie.", "vrijdag 14.00–16.00", "vr middag", 0, null, CefrLevel.None, true, [Meeting], [Over50], "spellen"),
                O("Internationale kookgroep", Activity, "Elke week een ander land aan het fornuis.", "maandag 17.00–20.00", "ma avond", 3, 12, CefrLevel.None, true, [Meeting], Everyone, "koken", "koken voor een groep"),
                O("Dansen voor iedereen", Activity, "Dansles in een ontspannen sfeer.", "woensdag 19.30–20.30", "wo avond", 2, 20, CefrLevel.None, true, [Meeting], Everyone, "dansen", "muziek"),
            ]),
        new($"Jongerenwerk {city}", OrganisationType.Welfare, false, "di t/m za 14.00–22.00", ["Engels", "Arabisch"], [Meeting, ContributingToSociety],
            "Jongerenwerkers op straat en in het jongerencentrum.",
            [
                O("Jongerencentrum open inloop", Activity, "Tafeltennis, games en gesprekken met jongerenwerkers.", "di t/m vr 15.00–18.00", "di middag, wo middag, do middag, vr middag", 0, null, CefrLevel.None, true, [Meeting], [Youth], "spellen", "sport"),
                O("Jongeren organiseren een buurtfeest", OfferKind.VolunteerRole, "Samen een feest voor de wijk bedenken en draaien.", "in de zomer", "za", 0, 10, CefrLevel.A1, true, [ContributingToSociety], [Youth], "muziek", "vrijwilligerswerk"),
            ]),
        new($"Vrouwencentrum Samen Sterk {city}", OrganisationType.Welfare, false, "di en do 9.30–15.00", ["Arabisch", "Dari", "Tigrinya", "Somalisch"], [Meeting, SelfReliance],
            "Ontmoeting en cursussen voor vrouwen, met kinderopvang tijdens de activiteiten.",
            [
                O("Fietsles voor vrouwen", Course, "Leren fietsen in tien lessen, op een geleende fiets.", "dinsdag 10.00–11.30", "di ochtend", 0, 8, CefrLevel.None, true, [SelfReliance], [Women], "fietsen repareren", "sport"),
                O("Naaicafé", Activity, "Samen naaien en praten; naaimachines aanwezig.", "donderdag 13.00–15.00", "do middag", 0, 12, CefrLevel.None, true, [Meeting], [Women], "naaien", "handwerk"),
                O("Gezond koken en boodschappen doen", Course, "Koken met weinig geld en slim boodschappen doen.", "donderdag 10.00–12.00, zes weken", "do ochtend", 0, 10, CefrLevel.None, true, [SelfReliance, FinancialHealth], [Women, Parents], "koken"),
            ]),
        new($"Seniorenvereniging {city}", OrganisationType.Welfare, false, "op afspraak", [], [Meeting, CaringForOthers],
            "Vereniging van en voor 50-plussers.",
            [
                O("Koersbal en koffie", Activity, "Een rustig balspel, daarna koffie.", "maandag 14.00–16.00", "ma middag", 0, null, CefrLevel.None, true, [Meeting], [Over50], "spellen", "sport"),
            ]),
        new($"Schuldhulpmaatje {city}", OrganisationType.DebtHelp, true, "op afspraak", ["Engels"], [FinancialHealth],
            "Getrainde vrijwilligers helpen bij schulden en geldzorgen, samen met de gemeente.",
            [
                O("Een schuldhulpmaatje", Activity, "Een vaste vrijwilliger die helpt de post en de schulden op orde te krijgen.", "wekelijks, in overleg", "", 0, 12, CefrLevel.None, false, [FinancialHealth], Everyone, "taal"),
                O("Cursus Omgaan met geld", Course, "Vijf bijeenkomsten over budget, toeslagen en sparen.", "dinsdag 19.00–21.00, vijf weken", "di avond", 0, 12, CefrLevel.A1, false, [FinancialHealth, SelfReliance], Everyone, "taal"),
            ]),
        new($"Thuisadministratie {city}", OrganisationType.DebtHelp, false, "op afspraak", ["Engels", "Arabisch"], [FinancialHealth, SelfReliance],
            "Vrijwilligers helpen thuis bij het ordenen van de administratie.",
            [
                O("Hulp bij de thuisadministratie", Activity, "Een vrijwilliger komt thuis helpen met brieven en rekeningen.", "in overleg", "", 0, 15, CefrLevel.None, false, [FinancialHealth, SelfReliance], Everyone),
                O("Geldspreekuur voor 50-plussers", Activity, "Over AOW-gat, pensioen en toeslagen.", "eerste maandag van de maand", "ma ochtend", 0, null, CefrLevel.A1, false, [FinancialHealth], [Over50]),
            ]),
        new($"Maatschappelijk werk {city}", OrganisationType.SocialWork, false, "ma t/m vr 9.00–17.00", ["Engels", "Arabisch"], [SelfReliance, FinancialHealth],
            "Maatschappelijk werkers helpen bij zorgen over geld, opvoeding, relaties en regels; ook thuis.",
            [
                O("Inloopspreekuur maatschappelijk werk", Activity, "Zonder afspraak binnenlopen met een vraag of een brief.", "dinsdag en donderdag 9.00–11.00", "di ochtend", 0, null, CefrLevel.None, true, [SelfReliance, FinancialHealth], Everyone),
                O("Opvoedondersteuning", Activity, "Gesprekken over opvoeden in een nieuw land.", "op afspraak", "", 0, null, CefrLevel.None, false, [SelfReliance, CaringForOthers], [Parents]),
            ]),
        new($"GGZ-team {city}", OrganisationType.Healthcare, false, "op verwijzing van de huisarts", ["Engels", "Arabisch", "Farsi", "Tigrinya"], [SelfReliance],
            "Zorg bij psychische klachten, zoals na oorlog en vlucht, met tolken; alleen op verwijzing, dus zonder aanbod om voor te stellen.",
            []),
        new($"Kledingbank {city}", OrganisationType.VolunteerOrganisation, false, "za 10.00–13.00", [], [FinancialHealth, ContributingToSociety],
            "Gratis kleding voor wie weinig te besteden heeft.",
            [
                O("Kleding uitzoeken", Activity, "Op verwijzing; gratis.", "zaterdag 10.00–13.00", "za ochtend", 0, null, CefrLevel.None, true, [FinancialHealth], [Parents]),
                O("Sorteren en verkopen", OfferKind.VolunteerRole, "Kleding sorteren en klanten helpen.", "zaterdag 9.00–13.00", "za ochtend", 0, 4, CefrLevel.None, true, [ContributingToSociety], Everyone, "naaien", "vrijwilligerswerk"),
            ]),
        new($"VluchtelingenWerk {city}", OrganisationType.VluchtelingenWerk, true, "ma t/m do 9.00–16.00", ["Engels", "Arabisch", "Tigrinya", "Farsi", "Dari"], [SelfReliance, Meeting, FinancialHealth],
            "Maatschappelijke begeleiding, taalmaatjes en hulp bij gezinshereniging.",
            [
                O("Maatschappelijke begeleiding", Activity, "Het eerste jaar: wegwijs in de gemeente, zorg, school en geld.", "op afspraak", "", 0, null, CefrLevel.None, false, [SelfReliance, FinancialHealth], Everyone),
                O("Een taalmaatje", Activity, "Eén keer per week Nederlands oefenen met een vrijwilliger.", "in overleg", "", 0, 20, CefrLevel.PreA1, true, [Meeting, SelfReliance], Everyone, "taal"),
                O("Spreekuur gezinshereniging", Activity, "Hulp bij de aanvraag voor nareizende gezinsleden.", "woensdag 13.00–16.00", "wo middag", 0, null, CefrLevel.None, false, [SelfReliance], [Parents]),
            ]),
    ];

    /// <summary>Adds the map to a municipality whose demo partner organisation already exists; that partner gets its full details.</summary>
    public static void AddTo(AppDbContext db, Guid municipalityId, DemoTown town, Organisation partner, TimeProvider clock)
    {
        var random = new Random(town.Seed * 7919);
        var partnerType = partner.Name.Contains("VluchtelingenWerk", StringComparison.Ordinal) ? OrganisationType.VluchtelingenWerk : OrganisationType.LanguageSchool;
        var templates = Templates(town.City, town.PrimarySchools).ToList();
        // Where the demo partner is VluchtelingenWerk itself, it gets VluchtelingenWerk's offers instead of a second organisation.
        var partnerOffers = partnerType == OrganisationType.VluchtelingenWerk
            ? templates.Single(t => t.Type == OrganisationType.VluchtelingenWerk).Offers
            : [O("Taalcafé in het Taalhuis", Activity, "Elke week Nederlands praten op je eigen niveau.", "maandag 13.30–15.00", "ma middag", 0, null, CefrLevel.PreA1, true, [Meeting, SelfReliance], Everyone, "taal")];
        templates.RemoveAll(t => partnerType == OrganisationType.VluchtelingenWerk && t.Type == OrganisationType.VluchtelingenWerk);
        partner.Update(new OrganisationDetails(partner.Name, partnerType, town.Streets[0], "1", $"{town.PostcodeDigits[0]} AB", town.City,
            "Petra Partner", "0529 400100", $"info@{Slug(partner.Name)}.example", "ma t/m do 9.00–16.00", ByAppointment: false,
            ["Engels", "Arabisch", "Tigrinya"], [SelfReliance, Meeting], IsPartner: true,
            partnerType == OrganisationType.LanguageSchool ? "Taalhuis: taalcafés, taalmaatjes en cursussen Nederlands." : "Maatschappelijke begeleiding, taalmaatjes en hulp bij gezinshereniging."));
        foreach (var offer in partnerOffers)
        {
            db.Offers.Add(NewOffer(partner, offer));
        }

        var contacts = new[] { "Anja", "Bert", "Carla", "Dirk", "Eva", "Frank", "Gerda", "Hans", "Ilse", "Jeroen", "Karin", "Luuk", "Marloes", "Niels", "Olga", "Peter" };
        var families = new[] { "Jansen", "de Boer", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Kok", "Dekker", "Brouwer" };
        foreach (var template in templates)
        {
            var street = town.Streets[random.Next(town.Streets.Length)];
            var postcode = $"{town.PostcodeDigits[random.Next(town.PostcodeDigits.Length)]} {(char)('A' + random.Next(20))}{(char)('A' + random.Next(20))}";
            var byAppointment = template.Hours is null or "op afspraak" || template.Hours.StartsWith("op afspraak", StringComparison.Ordinal);
            var organisation = new Organisation(municipalityId, new OrganisationDetails(
                template.Name, template.Type, street, random.Next(1, 140).ToString(CultureInfo.InvariantCulture), postcode, town.City,
                $"{contacts[random.Next(contacts.Length)]} {families[random.Next(families.Length)]}",
                $"0{random.Next(100, 999)} {random.Next(100000, 999999)}", $"info@{Slug(template.Name)}.example",
                template.Hours == "op afspraak" ? null : template.Hours, byAppointment, template.Languages, template.Domains, template.Partner, template.Description));
            db.Organisations.Add(organisation);
            foreach (var offer in template.Offers)
            {
                db.Offers.Add(NewOffer(organisation, offer));
            }
        }
        // One offer that stopped, to show why.
        var stopped = db.ChangeTracker.Entries<Offer>().Select(e => e.Entity).First(o => o.Title == "Kennismaken met padel");
        stopped.Deactivate("De trainer is gestopt; de club zoekt een nieuwe.");

        var volunteerCentre = db.ChangeTracker.Entries<Organisation>().Select(e => e.Entity)
            .Single(o => o.Type == OrganisationType.VolunteerOrganisation && o.Name.StartsWith("Vrijwilligerscentrale", StringComparison.Ordinal));
        AddVolunteers(db, municipalityId, town, random, clock.InTheNetherlands(), volunteerCentre.Id);
    }

    /// <summary>Forty volunteers; two in three work through the volunteer centre, the others directly with the municipality.</summary>
    private static void AddVolunteers(AppDbContext db, Guid municipalityId, DemoTown town, Random random, DateOnly today, Guid volunteerCentreId)
    {
        string[] given = ["Els", "Jan", "Marieke", "Kees", "Fatima", "Ahmad", "Ingrid", "Wim", "Saskia", "Tesfay", "Joke", "Henk", "Nadia", "Rob", "Miriam", "Yusuf", "Anneke", "Gert", "Lina", "Bas"];
        string[] family = ["de Vries", "van Dijk", "Hendriks", "Postma", "El Amrani", "Haidari", "Willems", "Kuipers", "Veenstra", "Berhane", "Schouten", "Prins", "Yilmaz", "Koster", "Hoekstra", "Osman", "Blom", "Dijkstra", "Al-Khatib", "Timmer"];
        string[] areas = town.City == "Dalfsen"
            ? ["Dalfsen-centrum", "Dalfsen-west", "Nieuwleusen", "Lemelerveld", "Hoonhorst"]
            : ["Meerzicht", "Palenstein", "Rokkeveen", "Seghwaert", "Oosterheem", "Buytenwegh"];
        (string Language, CefrLevel[] Levels)[] languages =
        [
            ("Engels", [CefrLevel.B1, CefrLevel.B2, CefrLevel.C1]), ("Arabisch", [CefrLevel.A2, CefrLevel.C2]), ("Duits", [CefrLevel.A2, CefrLevel.B1]),
            ("Frans", [CefrLevel.A2, CefrLevel.B1]), ("Tigrinya", [CefrLevel.C2]), ("Turks", [CefrLevel.C2]), ("Farsi", [CefrLevel.B2, CefrLevel.C2]),
        ];
        string[] preferences = ["liefst een gezin met kinderen", "graag iemand die wil wandelen", "geen vervoer; alleen in de eigen wijk", "ervaring met schulden en budgetteren",
            "wil graag jongeren helpen met werk", "liefst vrouwen", "spreekt graag over techniek", ""];
        string[] trainings = ["basistraining taalmaatje", "training Schuldhulpmaatje", "jobcoach-opleiding (2 dagen)", "training rolmodel: je verhaal vertellen", ""];
        for (var i = 0; i < 40; i++)
        {
            var name = $"{given[i % given.Length]} {family[((i * 7) + (i / given.Length * 3) + town.Seed) % family.Length]}";
            var role = (VolunteerRole)(i % 5);
            var roles = i % 6 == 0 ? new[] { role, VolunteerRole.Buddy } : [role];
            var spoken = new List<VolunteerLanguage>();
            foreach (var (language, levels) in languages.OrderBy(_ => random.Next()).Take(random.Next(0, 3)))
            {
                spoken.Add(new VolunteerLanguage { Language = language, Level = levels[random.Next(levels.Length)] });
            }
            var availability = WeekGrid.Empty;
            for (var slot = random.Next(1, 5); slot > 0; slot--)
            {
                availability = availability.With(WeekGrid.Days[random.Next(6)], WeekGrid.Parts[random.Next(3)]);
            }
            var vog = (i % 7) switch { 0 => VogStatus.NotRequested, 1 or 2 when i % 3 == 0 => VogStatus.Requested, _ => VogStatus.Received };
            DateOnly? vogDate = vog == VogStatus.NotRequested ? null : today.AddDays(-random.Next(5, 700));
            var email = $"{Slug(name)}@mail.example";
            db.Volunteers.Add(new Volunteer(municipalityId, new VolunteerDetails(name, roles, $"06 {random.Next(10000000, 99999999)}", email, spoken,
                availability, random.Next(1, 4), areas[random.Next(areas.Length)], preferences[random.Next(preferences.Length)], vog, vogDate,
                vog == VogStatus.Received ? trainings[random.Next(trainings.Length)] : null, i % 3 == 2 ? null : volunteerCentreId)));
        }
    }

    private static Offer NewOffer(Organisation organisation, OfferTemplate offer) =>
        new(organisation, new OfferDetails(offer.Kind, offer.Title, offer.Description, offer.Schedule, Grid(offer.When),
            organisation.Address, offer.Cost, offer.Capacity, offer.Level, offer.LowThreshold, offer.Domains, offer.Audiences, offer.Tags,
            Work.GetValueOrDefault(offer.Title).Esco, Work.GetValueOrDefault(offer.Title).Nlqf,
            Work.GetValueOrDefault(offer.Title).Hours, Work.GetValueOrDefault(offer.Title).Contract));

    /// <summary>The work the demo's jobs and internships are, as ESCO occupations, the level a few ask for, and the hours and contract of the vacancy.</summary>
    private static readonly Dictionary<string, (string? Esco, int? Nlqf, int? Hours, ContractKind? Contract)> Work = new(StringComparer.Ordinal)
    {
        ["Helpende Zorg en Welzijn (leerwerkbaan)"] = ("http://data.europa.eu/esco/occupation/d38c2107-98f2-47b7-8bb4-f69750d51082", 2, 32, ContractKind.Temporary),
        ["Snuffelstage in de zorg"] = ("http://data.europa.eu/esco/occupation/d38c2107-98f2-47b7-8bb4-f69750d51082", null, 8, null),
        ["Timmerman in opleiding"] = ("http://data.europa.eu/esco/occupation/2a22ff9e-de3b-408d-b312-5034896cc4f4", 2, 38, ContractKind.Temporary),
        ["Werkervaringsplek bouw"] = ("http://data.europa.eu/esco/occupation/2a22ff9e-de3b-408d-b312-5034896cc4f4", 1, 24, null),
        ["Vakkenvuller"] = ("http://data.europa.eu/esco/occupation/d35f9e79-5778-43b4-8667-0e3ba1fcb19a", null, 12, ContractKind.OnCall),
        ["Medewerker versafdeling (leerwerkbaan)"] = ("http://data.europa.eu/esco/occupation/9ba74e8a-c40c-4228-9998-eb3c7a5c11df", 2, 32, ContractKind.Temporary),
        ["Hovenier (werkervaringsplaats)"] = ("http://data.europa.eu/esco/occupation/e7970c7a-7769-4002-87d3-0a8ea94fdd6f", null, 24, null),
        ["Orderpicker"] = ("http://data.europa.eu/esco/occupation/cd94def5-3442-4c2e-ae3d-0761a3008bcb", null, 36, ContractKind.Agency),
        ["Productiemedewerker"] = ("http://data.europa.eu/esco/occupation/245be6d1-fe9a-4ac8-9f81-122a687e4724", null, 32, ContractKind.Agency),
        ["Assistent in de taalklas (werkervaringsplaats)"] = ("http://data.europa.eu/esco/occupation/00674f21-2f8f-4a41-9896-133f7cbe2a6e", null, 16, null),
        ["Onderwijsassistent (leerwerkbaan)"] = ("http://data.europa.eu/esco/occupation/00674f21-2f8f-4a41-9896-133f7cbe2a6e", 4, 24, ContractKind.Temporary),
        ["Leraar basisonderwijs (zij-instroom)"] = ("http://data.europa.eu/esco/occupation/03d79393-7b30-4159-945b-01963eddd302", null, 32, ContractKind.Permanent),
    };

    private static WeekGrid Grid(string text) => WeekGrid.TryParse(text, out var grid, out _) ? grid : WeekGrid.Empty;

    private static string Slug(string name) =>
        new string([.. Occupations.SearchText.Normalise(name).Where(c => char.IsLetterOrDigit(c) || c == ' ')]).Replace(' ', '-');
}
