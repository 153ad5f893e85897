using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.Trajectories;

namespace Thuis.Web.Features.Reports;

public enum ValueKind
{
    Count,
    Percentage,
    Days,
    /// <summary>A mean on a scale, such as the faces of "Hoe gaat het?" from 1 to 5.</summary>
    Average,
    /// <summary>An amount in euro, exact to the cent.</summary>
    Money,
}

public sealed record ReportColumn(string Title, ValueKind Kind);

/// <summary>One row: its label and one value per column (null where there is nothing to count, such as 0 of 0).</summary>
public sealed record ReportRow(string Label, IReadOnlyList<decimal?> Values);

/// <summary>
/// A table of the report as the page shows it and the exports write it: the page, the CSV and the workbook are all
/// made from these, so they cannot disagree.
/// </summary>
public sealed record ReportTable(string Key, string Title, string RowHeader, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows)
{
    public ReportRow Row(string label) => Rows.Single(r => r.Label == label);
}

public static class ReportTables
{
    public const string Funnel = "trechter";
    public const string Domains = "domeinen";
    public const string Occupations = "werk-en-opleiding";
    public const string Attendance = "aanwezigheid";
    public const string Matching = "koppelen";
    public const string Outcomes = "mijlpalen";
    public const string Work = "werk";
    public const string WorkPerEmployer = "werk-per-werkgever";
    public const string WorkPerJobCoach = "werk-per-jobcoach";
    public const string Interventions = "interventies";
    public const string Organisations = "organisaties";
    public const string Signals = "signalen";
    public const string Feedback = "hoe-gaat-het";
    public const string Money = "geld";
    public const string MoneyAmounts = "geld-bedragen";

    public static IReadOnlyList<string> Keys { get; } = [Funnel, Domains, Occupations, Attendance, Matching, Outcomes, Work, WorkPerEmployer, WorkPerJobCoach, Money, MoneyAmounts, Interventions, Organisations, Feedback, Signals];

    private static ReportColumn Count(string title) => new(title, ValueKind.Count);

    private static ReportColumn Percentage(string title) => new(title, ValueKind.Percentage);

    private static ReportColumn Days(string title) => new(title, ValueKind.Days);

    private static ReportColumn Average(string title) => new(title, ValueKind.Average);

    private static ReportColumn Euro(string title) => new(title, ValueKind.Money);

    public static IReadOnlyList<ReportTable> All(ReportFigures figures) =>
    [
        new(Funnel, "Van huisvesting naar werk of opleiding", "Stap",
            [Count("aantal"), Percentage("% van cohort"), Days("mediaan dagen sinds vorige stap"), Days("mediaan dagen sinds huisvesting")],
            [.. figures.Funnel.Select(s => new ReportRow(s.Label, [s.Count, s.Percentage, s.MedianDaysFromPrevious, s.MedianDaysFromHousing]))]),
        new(Domains, "Actief per participatiedomein", "Domein",
            [Count("aantal"), Percentage("% van cohort")],
            [.. figures.Domains.Select(d => new ReportRow(d.Label, [d.Count, d.Percentage]))]),
        new(Occupations, "Vrijwilligerswerk, opleiding en betaald werk", "Bezigheid",
            [Count("aantal"), Percentage("% van cohort")],
            [.. figures.Occupations.Select(d => new ReportRow(d.Label, [d.Count, d.Percentage]))]),
        new(Attendance, "Aanwezigheid per soort cursus", "Soort cursus",
            [Count("geregistreerd"), Count("aanwezig"), Percentage("% aanwezig"), Count("afgemeld"), Percentage("% afgemeld"),
                Count("ongeoorloofd afwezig"), Percentage("% ongeoorloofd afwezig")],
            [.. figures.Attendance.Select(a => new ReportRow(a.Kind.Dutch(),
                [a.Recorded, a.Present, a.PresentPercentage, a.Excused, a.ExcusedPercentage, a.Unexcused, a.UnexcusedPercentage]))]),
        new(Matching, "Van voorstel tot deelname na 3 maanden", "Voorstellen",
            [Count("voorstellen"), Count("ja, met toestemming"), Percentage("% ja"), Count("verwijzing verstuurd"), Percentage("% verstuurd"),
                Count("gestart"), Percentage("% gestart"), Count("loopt na 3 maanden"), Percentage("% loopt na 3 maanden")],
            [.. figures.Matching.Select(c => new ReportRow(c.Label,
                [.. c.Steps.Take(1).Select(s => (decimal?)s.Count), .. c.Steps.Skip(1).SelectMany(s => new[] { s.Count, s.Conversion })]))]),
        new(Outcomes, "Mijlpalen bereikt na 6, 12 en 18 maanden", "Na",
            [Count("zo lang gehuisvest"), .. Enum.GetValues<MilestoneKind>().SelectMany(k => new[] { Count($"{k.Dutch()} bereikt"), Percentage($"% {k.Dutch()}") })],
            [.. figures.Outcomes.Select(o => new ReportRow($"{o.Months} maanden",
                [o.Eligible, .. Enum.GetValues<MilestoneKind>().SelectMany(k => new[] { o.Reached[k], o.Percentage(k) })]))]),
        WorkTable(figures.Work),
        new(WorkPerEmployer, "Betaald werk per werkgever", "Werkgever",
            [Count("sollicitaties"), Count("aangenomen"), Count("op eigen niveau"), Count("onder eigen niveau"), Percentage("% onder eigen niveau"),
                Count("6 maanden of langer geleden aangenomen"), Count("werkt na 6 maanden nog")],
            [.. figures.Employers.Select(e => new ReportRow(e.Name,
                [e.Applications, e.Hired, e.AtLevel, e.BelowLevel, e.BelowLevelPercentage, e.HiredSixMonthsAgo, e.StillWorkingAtSix]))]),
        new(WorkPerJobCoach, "Betaald werk per jobcoach", "Jobcoach",
            [Count("personen"), Count("sollicitaties"), Count("aangenomen"), Count("op eigen niveau")],
            [.. figures.JobCoaches.Select(c => new ReportRow(c.Name, [c.People, c.Applications, c.Hired, c.AtLevel]))]),
        MoneyTable(figures.Money),
        new(MoneyAmounts, "Geld: de bedragen", "Bedrag",
            [Euro("totaal"), Count("personen"), Euro("gemiddeld per persoon")],
            [
                new(MoneyLines.PaidNow, [figures.Money.PaidNowPerMonth, figures.Money.PaidNowPeople, PerHead(figures.Money.PaidNowPerMonth, figures.Money.PaidNowPeople)]),
                new(MoneyLines.OpenDebtAmount, [figures.Money.OpenDebts, figures.Money.WithOpenDebts, PerHead(figures.Money.OpenDebts, figures.Money.WithOpenDebts)]),
                new(MoneyLines.ArrearsAmount, [figures.Money.ArrearsReported, figures.Money.WithArrears, PerHead(figures.Money.ArrearsReported, figures.Money.WithArrears)]),
            ]),
        new(Interventions, "Gebruik en resultaat per interventie of aanbod", "Interventie of aanbod",
            [Count("stappen"), Count("personen"), Count("bezig"), Count("afgerond"), Count("gestopt"), Percentage("% afgerond")],
            [.. figures.Interventions.Select(i => new ReportRow(i.Name, [i.Steps, i.People, i.Doing, i.Done, i.Dropped, i.DonePercentage]))]),
        new(Organisations, "Verwijzingen per organisatie", "Organisatie",
            [Count("verwijzingen"), Count("verstuurd"), Count("geaccepteerd"), Count("gestart"), Count("loopt na 3 maanden"), Count("gestopt"),
                Percentage("% van gestart loopt na 3 maanden")],
            [.. figures.Organisations.Select(o => new ReportRow(o.Name, [o.Referrals, o.Sent, o.Accepted, o.Started, o.StillGoing, o.Stopped, o.StillGoingPercentage]))]),
        new(Feedback, "Hoe gaat het? per aanbod, interventie of groep", "Aanbod, interventie of groep",
            [Count("antwoorden"), Count("na 2 weken"), Count("na 3 maanden"), Average("gemiddeld gezicht (1 tot 5)"), Count("niet blij (1 of 2)"),
                Count("wil niet doorgaan")],
            [.. figures.Feedback.Select(f => new ReportRow(f.Name, [f.Answers, f.TwoWeeks, f.ThreeMonths, f.AverageFace, f.Unhappy, f.WantsToStop]))]),
        new(Signals, "Open signalen per soort", "Soort signaal",
            [Count("open"), Count("gezien"), Count("wacht"), Count("doorgegeven"), Count("totaal")],
            [.. figures.Signals.Select(s => new ReportRow(s.Kind.Dutch(), [s.Open, s.Acknowledged, s.Snoozed, s.Escalated, s.Total]))]),
    ];

    /// <summary>
    /// The outcomes of the road to work: each line a number of people, out of whom it is counted (the cohort, those
    /// hired, those whose first job is 6 or 12 months ago, those working now) and the share; the time to the first job
    /// stands on the line of those hired.
    /// </summary>
    private static ReportTable WorkTable(WorkOutcomes work)
    {
        static ReportRow Line(string label, int count, int outOf, decimal? medianDays = null) =>
            new(label, [count, outOf, Figures.Percentage(count, outOf), medianDays]);
        return new(Work, "Betaald werk: op eigen niveau en blijvend", "Uitkomst",
            [Count("aantal"), Count("van"), Percentage("%"), Days("mediaan dagen sinds huisvesting")],
            [
                Line(WorkLines.Hired, work.Hired, work.CohortSize, work.MedianDaysToFirstJob),
                Line(WorkLines.Working, work.Working, work.CohortSize),
                Line(WorkLines.AtLevel, work.AtLevel, work.Hired),
                Line(WorkLines.BelowLevel, work.BelowLevel, work.Hired),
                Line(WorkLines.LevelUnknown, work.LevelUnknown, work.Hired),
                Line(WorkLines.StillAtSix, work.StillWorkingAtSix, work.HiredSixMonthsAgo),
                Line(WorkLines.StillAtTwelve, work.StillWorkingAtTwelve, work.HiredTwelveMonthsAgo),
                Line(WorkLines.PartlyOffBenefit, work.PartlyOffBenefit, work.Working),
                Line(WorkLines.FullyOffBenefit, work.FullyOffBenefit, work.Working),
            ]);
    }

    /// <summary>
    /// The cohort's money as outcomes: each line a number of people (or of early signals), out of whom it is counted,
    /// and the share, like the work table.
    /// </summary>
    private static ReportTable MoneyTable(Money.MoneyOutcomes money)
    {
        static ReportRow Line(string label, int count, int outOf) => new(label, [count, outOf, Figures.Percentage(count, outOf)]);
        return new(Money, "Geld op orde: ontzorgen, huishoudboekje en schulden", "Uitkomst",
            [Count("aantal"), Count("van"), Percentage("%")],
            [
                Line(MoneyLines.Ontzorgd, money.Ontzorgd, money.CohortSize),
                Line(MoneyLines.HandedBack, money.AllHandedBack, money.Ontzorgd),
                Line(MoneyLines.Budget, money.WithBudget, money.CohortSize),
                Line(MoneyLines.KeepsMoneyOver, money.KeepsMoneyOver, money.WithBudget),
                Line(MoneyLines.OpenDebts, money.WithOpenDebts, money.CohortSize),
                Line(MoneyLines.DebtHelp, money.WithDebtHelp, money.WithOpenDebts),
                Line(MoneyLines.Arrears, money.WithArrears, money.CohortSize),
                Line(MoneyLines.ArrearsOnTime(money.ContactDays), money.ArrearsOnTime, money.ArrearsDue),
            ]);
    }

    /// <summary>An amount shared by a number of people, to the cent (decision 0034's one rounding); null for nobody.</summary>
    private static decimal? PerHead(decimal amount, int people) => Costs.Euros.PerHead(amount, people);

    /// <summary>A value as the page and the CSV write it: Dutch decimal comma, no thousands separator, empty for nothing.</summary>
    /// <summary>A value for a file: amounts in euro with their two decimals, everything else as <see cref="Format(decimal?)"/>.</summary>
    public static string Format(decimal? value, ValueKind kind) =>
        kind == ValueKind.Money && value is { } amount ? amount.ToString("0.00", Platform.Localization.DutchFormat.Culture) : Format(value);

    public static string Format(decimal? value) =>
        value is { } v ? v.ToString(v == decimal.Truncate(v) ? "0" : "0.0", Platform.Localization.DutchFormat.Culture) : "";
}

/// <summary>The lines of the money tables, as the page, the CSV and the workbook name them.</summary>
public static class MoneyLines
{
    public const string Ontzorgd = "ontzorgd: de gemeente betaalt of betaalde vaste lasten";
    public const string HandedBack = "betaalt alle rekeningen weer zelf";
    public const string Budget = "huishoudboekje gemaakt";
    public const string KeepsMoneyOver = "houdt per week geld over";
    public const string OpenDebts = "heeft open schulden";
    public const string DebtHelp = "met schuldhulp";
    public const string Arrears = "vroegsignaal van een betalingsachterstand";

    public static string ArrearsOnTime(int days) => $"vroegsignalen binnen {days} dagen opgepakt";

    public const string PaidNow = "vaste lasten die de gemeente nu betaalt, per maand";
    public const string OpenDebtAmount = "open schulden";
    public const string ArrearsAmount = "achterstand gemeld in vroegsignalen";
}

/// <summary>The lines of the work table, as the page, the CSV and the workbook name them.</summary>
public static class WorkLines
{
    public const string Hired = "aangenomen voor een baan";
    public const string Working = "nu aan het werk";
    public const string AtLevel = "laatste baan op eigen niveau";
    public const string BelowLevel = "laatste baan onder eigen niveau";
    public const string LevelUnknown = "laatste baan, niveau onbekend";
    public const string StillAtSix = "werkt 6 maanden na de eerste baan nog";
    public const string StillAtTwelve = "werkt 12 maanden na de eerste baan nog";
    public const string PartlyOffBenefit = "gedeeltelijk uit de uitkering";
    public const string FullyOffBenefit = "helemaal uit de uitkering";
}
