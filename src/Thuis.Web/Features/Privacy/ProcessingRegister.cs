using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Matching;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Features.Transfers;
using Thuis.Web.Platform.Auditing;

namespace Thuis.Web.Features.Privacy;

/// <summary>Why Thuis processes people's data, and on which ground.</summary>
public sealed record ProcessingPurpose(string Name, string What, string Ground);

/// <summary>
/// One category of personal data, with the records of Thuis that hold it: every kind of record with a person's data
/// (<see cref="Platform.Changes.IPersonData"/>) belongs to one line, which a test checks.
/// </summary>
public sealed record DataCategory(string Key, string Name, string Holds, string? Special, IReadOnlyList<Type> Records);

/// <summary>Who receives people's data from Thuis, what, and why.</summary>
public sealed record Recipient(string Who, string What, string Why);

/// <summary>
/// The register of processing activities of AVG art. 30(1) for Thuis, as far as Thuis knows it: purposes, the categories
/// of people and of data (derived from the records Thuis keeps), recipients, transfers outside the EU, retention and
/// security. The municipality's own register holds more (its other systems); this is the part for Thuis.
/// </summary>
public static class ProcessingRegister
{
    public static IReadOnlyList<ProcessingPurpose> Purposes { get; } =
    [
        new("Brede intake", "Het gesprek over taal, opleiding, werk, gezondheid, gezin, netwerk, geld en wensen, als basis voor het plan.",
            "Wettelijke taak: Wet inburgering 2021, art. 14 (brede intake); AVG art. 6 lid 1 onder e."),
        new("Persoonlijk plan inburgering en participatie (PIP)", "Het plan met leerroute, doelen per domein, kleine stappen, MAP en PVT, en de voortgangsgesprekken.",
            "Wettelijke taak: Wet inburgering 2021, art. 15 (het plan; de inburgeringstermijn loopt vanaf het plan); AVG art. 6 lid 1 onder e."),
        new("Ondersteuning en begeleiding", "Lessen, PVT en MAP met aanwezigheid, vestigen en mijlpalen, en het eigen Thuis van de persoon.",
            "Wettelijke taak onder de Wet inburgering 2021; AVG art. 6 lid 1 onder e."),
        new("Ontzorgen", "Vaste lasten de eerste maanden laten betalen, vastgelegd in het plan en de financiën van de intake.",
            "Wettelijke taak onder de Wet inburgering 2021 en, voor wie bijstand krijgt, de Participatiewet; AVG art. 6 lid 1 onder e."),
        new("Schulden en vroegsignalering", "Schulden van de persoon en de verwijzing naar schuldhulp; meldingen van betalingsachterstanden van verhuurder, energie, drinkwater en zorgverzekeraar, met het contact dat daarop volgt.",
            "Wettelijke taak: Wet gemeentelijke schuldhulpverlening, art. 3 en 4a, en het Besluit gemeentelijke schuldhulpverlening (vroegsignalering); AVG art. 6 lid 1 onder e. Een verwijzing naar schuldhulp: na het ja en de toestemming van de persoon."),
        new("Matching en participatie", "Voorstellen van activiteiten, vrijwilligers en werk uit de sociale kaart, en verwijzingen naar partnerorganisaties.",
            "Een voorstel: wettelijke taak (begeleiding). Een verwijzing: pas na het ja en de toestemming van de persoon zelf (AVG art. 6 lid 1 onder a), voor één doel en tot een einddatum."),
        new("Signalen", "Wie aandacht nodig heeft (termijnen, aanwezigheid, stilstand, isolement, een eigen vraag van de persoon), voor de klantregisseur.",
            "Onderdeel van de begeleiding onder de Wet inburgering 2021; AVG art. 6 lid 1 onder e."),
        new("Rapportage", "Tellingen per cohort voor de gemeente en de verantwoording: alleen aantallen, geen namen.",
            "Wettelijke taak (uitvoering en verantwoording Wet inburgering 2021); AVG art. 6 lid 1 onder e."),
        new("Warme overdracht", "Het dossier naar de nieuwe gemeente als iemand verhuist, zodat het plan doorloopt.",
            "Wettelijke taak onder de Wet inburgering 2021; gezondheid alleen met toestemming van de persoon."),
        new("Rechten van de persoon", "Inzage en download van de eigen gegevens, correctie op verzoek, en wie het dossier inzag.",
            "AVG art. 15, 16 en 20; antwoord binnen een maand (AVG art. 12 lid 3)."),
        new("Beveiliging en verantwoording", "Accounts, aanmelden en de audittrail van wie wat inzag of wijzigde.",
            "AVG art. 32 (beveiliging) en art. 5 lid 2 (verantwoording)."),
    ];

    public static IReadOnlyList<string> DataSubjects { get; } =
    [
        "Statushouders (inburgeringsplichtigen en anderen die de gemeente begeleidt), ook jonger dan 18",
        "Hun gezinsleden, zoals de brede intake hen noemt (partner, kinderen, gezinshereniging)",
        "Vrijwilligers en contactpersonen van organisaties op de sociale kaart",
        "Medewerkers van de gemeente en van partnerorganisaties met een account",
    ];

    public static IReadOnlyList<DataCategory> Categories { get; } =
    [
        new("identiteit", "Identiteit, adres en contact",
            "naam, geboortedatum, geslacht, land van herkomst, nationaliteit, BSN, V-nummer, adres, telefoon, e-mail, voorkeurstaal, doelgroep, vergunning en huisvesting, status van het dossier",
            "BSN: een wettelijk identificatienummer, alleen voor de eigen gemeente en bij overdracht de volgende gemeente", [typeof(Newcomer)]),
        new("intake", "Brede intake",
            "huishouden en gezinshereniging, leerbaarheid, talen met niveau, opleiding, werkervaring, eigen kracht, netwerk, wat iemand wil geven, wensen en dromen, uitnodigingen en boetes; het cv dat Thuis daaruit maakt (‘Over mij’ en wat er niet op komt)",
            null,
            [typeof(HouseholdSection), typeof(LearnabilitySection), typeof(LanguagesSection), typeof(EducationSection), typeof(WorkExperienceSection),
             typeof(StrengthsSection), typeof(NetworkSection), typeof(ReciprocitySection), typeof(AspirationsSection), typeof(InvitationsSection),
             typeof(Work.Cv)]),
        new("gezondheid", "Persoonlijke omstandigheden",
            "gezondheid, zorg en praktische beperkingen",
            "Gezondheid: bijzonder persoonsgegeven (AVG art. 9). Alleen klantregisseur en coördinator; elke inzage staat in de audittrail.",
            [typeof(CircumstancesSection)]),
        new("financien", "Financiën",
            "inkomen, schulden, bankrekening, ontzorgen; de vaste lasten die de gemeente betaalt (aan wie, bedrag, sinds) en wanneer elk teruggaat; het huishoudboekje (inkomsten en vaste lasten per maand); per schuld schuldeiser, bedrag, sinds wanneer en stand; vroegsignalen van betalingsachterstanden (melder, kenmerk, bedrag, maanden) met de uitkomst van het contact",
            "Niet bijzonder in de zin van de AVG, wel gevoelig: bedragen alleen voor klantregisseur en coördinator, elke inzage in de audittrail, nooit naar partnerorganisaties.",
            [typeof(FinancesSection), typeof(Money.OntzorgenCost), typeof(Money.HouseholdBudget), typeof(Debts.Debt), typeof(Debts.ArrearsReport)]),
        new("plan", "Plan en inburgeringstermijn",
            "elke versie van het PIP met doelen, stappen en voortgang; verlenging of nieuwe termijn van DUO", null,
            [typeof(IntegrationPlan), typeof(TermChange)]),
        new("lessen", "Lessen en aanwezigheid",
            "inschrijving in groepen (taal, PVT, MAP) en aanwezigheid per bijeenkomst", null, [typeof(Enrolment), typeof(AttendanceRecord)]),
        new("vestigen", "Vestigen en mijlpalen",
            "de checklist vestigen (bank, verzekering, huisarts, school, DigiD …) en de mijlpalen van 18 maanden", null,
            [typeof(SettlingChecklist), typeof(Milestone)]),
        new("participatie", "Voorstellen, toestemmingen en verwijzingen",
            "voorstellen met het antwoord van de persoon, toestemmingen (doel, datum, einde), verwijzingen met start, aanwezigheid en uitkomst, koppelrondes",
            null, [typeof(Proposal), typeof(Consent), typeof(Referral), typeof(CohortMatch)]),
        new("werk", "Werk: jobcoach en sollicitaties",
            "de jobcoach (naam, beroepskracht of vrijwilliger); sollicitaties met elke stap, bij aanname contract, uren, wat het werk met de uitkering doet en het niveau van werk en persoon; waarom niet aangenomen of gestopt",
            null, [typeof(Work.JobCoach), typeof(Work.JobApplication)]),
        new("draagvlak", "Draagvlak: rolmodel",
            "de toestemming om als rolmodel mee te doen aan draagvlakactiviteiten (datum, wie die vastlegde, toelichting, intrekking) en aan welke activiteiten iemand als rolmodel meedeed",
            "Alleen met toestemming van de persoon; na intrekken niet meer op komende activiteiten.",
            [typeof(Community.RoleModelConsent), typeof(Community.ActivityRoleModel)]),
        new("vrijwilliger", "Koppeling met een vrijwilliger",
            "de ontmoetingen die de vrijwilliger vastlegt (datum, duur, wat ze deden, een notitie), zorgen in de eigen woorden van de vrijwilliger, het einde van een koppeling met de reden",
            "De vrijwilliger ziet alleen de voornaam, de taal, contact als de persoon dat deelde en het doel; geen diagnose wordt gevraagd.",
            [typeof(Volunteering.VolunteerMeeting), typeof(Volunteering.VolunteerConcern), typeof(Volunteering.MatchEnding)]),
        new("signalen", "Signalen",
            "wie aandacht nodig heeft en waarom, met wat de klantregisseur deed", null, [typeof(Signal)]),
        new("eigen-thuis", "Eigen Thuis van de persoon",
            "toegang (uitnodiging), antwoorden op ‘Hoe gaat het?’, verzoeken om correctie in eigen woorden", null,
            [typeof(OwnAccessInvitation), typeof(ActivityFeedback), typeof(CorrectionRequest)]),
        new("overdracht", "Overdracht",
            "welk dossier naar welke gemeente ging of van welke gemeente kwam, met nummer en vingerafdruk (SHA-256) van het bestand", null,
            [typeof(Transfer)]),
        new("audittrail", "Audittrail",
            "wie (account, rol, adres) wanneer welk dossier inzag of wijzigde en waarom; veldnamen, nooit waarden", null, [typeof(AuditEntry)]),
    ];

    public static IReadOnlyList<Recipient> Recipients { get; } =
    [
        new("DUO", "wat de gemeente volgens de Wet inburgering 2021 aan DUO doorgeeft, zoals het vastgestelde plan",
            "uitvoering van de inburgeringsplicht; Thuis verstuurt zelf niets aan DUO, de gemeente doet dat"),
        new("Partnerorganisaties", "voornaam, taal en het doel van de verwijzing; telefoon of e-mail alleen als de persoon dat aanvinkt. Nooit BSN, gezondheid of geld",
            "na het ja en de toestemming van de persoon, voor één doel en tot een einddatum; intrekken kan altijd"),
        new("Vrijwilligers", "hetzelfde als partnerorganisaties: via de organisatie waarvoor zij werken (zoals het vrijwilligerscentrum), en in hun eigen koppelingen in Thuis alleen de voornaam, de taal, telefoon of e-mail als de persoon dat deelde, en waarvoor de koppeling is",
            "een taalmaatje of buddy, na het ja en de toestemming van de persoon; de eigen koppelingen eindigen als de toestemming eindigt"),
        new("De volgende gemeente bij verhuizing", "het dossier als ondertekend overdrachtsbestand met BSN; gezondheid alleen als die is aangevinkt, met toestemming",
            "warme overdracht, zodat plan en termijn doorlopen"),
        new("De persoon zelf", "alles wat Thuis over hem of haar bewaart, als pagina en als bestand, en wie het dossier inzag",
            "AVG art. 15 en 20"),
    ];

    public const string TransfersOutsideEu = "Geen. Thuis geeft geen persoonsgegevens door aan landen buiten de Europese Economische Ruimte of aan internationale organisaties.";

    public static IReadOnlyList<string> SecurityMeasures { get; } =
    [
        "Elke gemeente ziet alleen haar eigen gegevens: de database filtert elke vraag op de gemeente en weigert schrijven over de grens.",
        "Rollen: wie een pagina niet mag openen, ziet er ook geen link naar; gezondheid alleen voor klantregisseur en coördinator; de functionaris gegevensbescherming ziet geen dossiers.",
        "Aanmelden met wachtwoord van minstens 12 tekens (geen bekend wachtwoord), tweestapsverificatie of passkey, blokkering na vijf pogingen, sessies die na 30 minuten stil en na 10 uur eindigen.",
        "Een audittrail van elke inzage en wijziging, per gemeente aan elkaar geketend met een sleutel buiten de database en dagelijks vastgelegd buiten de database (docs/audit.md).",
        "Ondertekende overdrachtsbestanden; versleutelde verbindingen (HSTS), een strikt Content-Security-Policy en geen waarden van persoonsgegevens in de logboeken.",
    ];

    /// <summary>The kinds of record with a person's data that no line of the register names.</summary>
    public static IReadOnlyList<Type> NotInRegister(IEnumerable<Type> personRecords)
    {
        var named = Categories.SelectMany(c => c.Records).ToHashSet();
        return [.. personRecords.Where(t => !named.Contains(t)).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }
}
