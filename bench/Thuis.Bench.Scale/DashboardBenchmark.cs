using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Reports;
using Thuis.Web.Platform.Localization;

namespace Thuis.Bench.Scale;

/// <summary>
/// Times the coordinator's report (<see cref="BuildReport"/>, the /rapportages page, with its audit entry) against the
/// same aggregates written as one raw SQL statement, for everyone and for one quarter's cohort. The two run alternately
/// in the same process (which goes first flips every run), so load on the machine hits both alike; the figure that
/// counts is the ratio of their medians.
/// </summary>
internal static class DashboardBenchmark
{
    public static async Task RunAsync(Arguments args)
    {
        var target = Target.From(args);
        var runs = args.Get("runs", 15);
        var warmUp = args.Get("warmup", 2);
        await using var app = new ScaleApp(target);
        var services = app.Services;
        var municipalityId = await GenerateMunicipality.MunicipalityIdAsync(services);
        var today = services.GetRequiredService<TimeProvider>().InTheNetherlands();
        var lastYear = today.AddYears(-1);
        Cohort[] cohorts = [Cohort.Everyone, Cohort.Quarter(lastYear.Year, ((lastYear.Month - 1) / 3) + 1)];
        var load = Machine.LoadAverage();

        var results = new JsonObject();
        foreach (var cohort in cohorts)
        {
            var report = new List<double>();
            var raw = new List<double>();
            ReportFigures? figures = null;
            Dictionary<string, long>? sums = null;
            for (var run = 0; run < warmUp + runs; run++)
            {
                async Task Report()
                {
                    await using var scope = GenerateMunicipality.Acting(services, municipalityId, out _);
                    var build = scope.ServiceProvider.GetRequiredService<BuildReport>();
                    var watch = Stopwatch.StartNew();
                    figures = await build.HandleAsync(cohort, BuildReport.Purpose, CancellationToken.None);
                    if (run >= warmUp)
                    {
                        report.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
                async Task Raw()
                {
                    await using var scope = GenerateMunicipality.Acting(services, municipalityId, out var db);
                    var watch = Stopwatch.StartNew();
                    sums = await RawReport.RunAsync(db, target.Provider, municipalityId, cohort, today);
                    if (run >= warmUp)
                    {
                        raw.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
                if (run % 2 == 0)
                {
                    await Report();
                    await Raw();
                }
                else
                {
                    await Raw();
                    await Report();
                }
            }
            var funnel = figures!.Funnel.Select(f => f.Count).ToList();
            Console.WriteLine($"{target.Provider} cohort {cohort.Key}: {figures.CohortSize} housed");
            Console.WriteLine($"  report funnel  {string.Join(" / ", funnel)}");
            Console.WriteLine($"  raw SQL        {sums!["housed"]} / {sums["intake_done"]} / {sums["plan_fixed"]} / {sums["pvt_started"]} / {sums["pvt_done"]} / {sums["active"]} / {sums["occupied"]}");
            var row = Summary(report, raw);
            Console.WriteLine(FormattableString.Invariant(
                $"  report  median {row["reportMedianMs"]} ms, p95 {row["reportP95Ms"]} ms; raw SQL median {row["rawMedianMs"]} ms, p95 {row["rawP95Ms"]} ms; ratio median {row["ratioMedian"]}x, p95 {row["ratioP95"]}x"));
            row["cohort"] = cohort.Key;
            row["housed"] = figures.CohortSize;
            row["reportFunnel"] = new JsonArray([.. funnel.Select(c => JsonValue.Create(c))]);
            row["rawSql"] = new JsonObject(sums.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)JsonValue.Create(s.Value))));
            results[cohort.Key] = row;
        }
        results["runs"] = runs;
        results["loadAverageBefore"] = load;
        results["loadAverageAfter"] = Machine.LoadAverage();
        results["at"] = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture);
        Machine.Save(args.Get("out", "bench/results/scale.json"), $"dashboard-{target.Provider.ToString().ToLowerInvariant()}{args.Get("label", "")}", results);
    }

    private static JsonObject Summary(List<double> report, List<double> raw)
    {
        static double Round(double value) => Math.Round(value, value < 10 ? 2 : 1);
        var (reportMedian, rawMedian) = (Percentile(report, 50), Percentile(raw, 50));
        var (reportP95, rawP95) = (Percentile(report, 95), Percentile(raw, 95));
        return new JsonObject
        {
            ["reportMedianMs"] = Round(reportMedian),
            ["reportP95Ms"] = Round(reportP95),
            ["rawMedianMs"] = Round(rawMedian),
            ["rawP95Ms"] = Round(rawP95),
            ["ratioMedian"] = Math.Round(reportMedian / rawMedian, 2),
            ["ratioP95"] = Math.Round(reportP95 / rawP95, 2),
            ["reportRunsMs"] = new JsonArray([.. report.Select(r => JsonValue.Create(Round(r)))]),
            ["rawRunsMs"] = new JsonArray([.. raw.Select(r => JsonValue.Create(Round(r)))]),
        };
    }

    public static double Percentile(IReadOnlyCollection<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = percentile / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}

/// <summary>
/// The report's aggregates as one SQL statement over the same tables and the same definitions: the funnel counts,
/// attendance per course kind, the matching conversion, referrals per outcome, plan steps with an intervention and the
/// milestones reached. What only C# can do (the PVT hours walked in order, the settling checklist's rules, medians) is
/// left out or simplified, so this is the floor the report is held to, not a replacement for it.
/// </summary>
internal static class RawReport
{
    public static async Task<Dictionary<string, long>> RunAsync(AppDbContext db, DatabaseProvider provider, Guid municipalityId, Cohort cohort, DateOnly today)
    {
        var intakeTables = IntakePart.All.Where(p => !p.Restricted).Select(p => db.Model.FindEntityType(p.Section)!.GetTableName()!);
        var intakeDone = string.Join(" AND ", intakeTables.Select(t => $"EXISTS (SELECT 1 FROM \"{t}\" i WHERE i.\"NewcomerId\" = c.\"Id\")"));
        var sql = $"""
            WITH c AS (
                SELECT "Id" FROM "Newcomers"
                WHERE "MunicipalityId" = @m AND "HousingDate" IS NOT NULL AND "HousingDate" >= @from AND "HousingDate" < @until
            ),
            started AS (
                SELECT r."NewcomerId", o."Kind" FROM "Referrals" r
                JOIN c ON c."Id" = r."NewcomerId"
                JOIN "Proposals" p ON p."Id" = r."ProposalId"
                JOIN "Offers" o ON o."Id" = p."TargetId"
                WHERE r."MunicipalityId" = @m AND r."StartedOn" IS NOT NULL AND p."Kind" = 'Offer'
            ),
            pvt AS (
                SELECT a."NewcomerId", s."GroupId",
                    SUM(CASE WHEN s."Kind" = 'LanguageLesson' THEN 1 ELSE 0 END) AS lessons, COUNT(DISTINCT s."Theme") AS themes
                FROM "AttendanceRecords" a
                JOIN c ON c."Id" = a."NewcomerId"
                JOIN "Sessions" s ON s."Id" = a."SessionId"
                JOIN "CourseGroups" g ON g."Id" = s."GroupId"
                WHERE a."MunicipalityId" = @m AND a."Value" = 'Present' AND g."Kind" = 'Pvt' AND s."Date" <= @today
                  AND EXISTS (SELECT 1 FROM "Enrolments" e WHERE e."GroupId" = s."GroupId" AND e."NewcomerId" = a."NewcomerId")
                GROUP BY a."NewcomerId", s."GroupId"
            )
            SELECT funnel.*, attendance.*, matching.*, referrals.*, interventions.*, milestones.*
            FROM (
                SELECT
                    (SELECT COUNT(*) FROM c) AS housed,
                    (SELECT COUNT(*) FROM c WHERE {intakeDone}) AS intake_done,
                    (SELECT COUNT(DISTINCT p."NewcomerId") FROM "IntegrationPlans" p JOIN c ON c."Id" = p."NewcomerId"
                        WHERE p."MunicipalityId" = @m AND p."DecisionDate" IS NOT NULL) AS plan_fixed,
                    (SELECT COUNT(DISTINCT "NewcomerId") FROM pvt) AS pvt_started,
                    (SELECT COUNT(DISTINCT "NewcomerId") FROM pvt WHERE lessons >= 26 AND themes >= 8) AS pvt_done,
                    (SELECT COUNT(*) FROM (
                        SELECT p."NewcomerId" FROM "PlanSteps" st JOIN "IntegrationPlans" p ON p."Id" = st."PlanId" JOIN c ON c."Id" = p."NewcomerId"
                        WHERE st."MunicipalityId" = @m AND p."State" <> 'Superseded' AND st."Status" IN ('Doing', 'Done')
                        UNION SELECT "NewcomerId" FROM started) x) AS active,
                    (SELECT COUNT(DISTINCT "NewcomerId") FROM started WHERE "Kind" IN ('VolunteerRole', 'Course', 'Internship', 'Job')) AS occupied
            ) funnel
            CROSS JOIN (
                SELECT
                    COUNT(*) AS attendance_rows,
                    SUM(CASE WHEN g."Kind" = 'Pvt' AND a."Value" = 'Present' THEN 1 ELSE 0 END) AS pvt_present,
                    SUM(CASE WHEN g."Kind" = 'Pvt' AND a."Value" = 'ExcusedAbsence' THEN 1 ELSE 0 END) AS pvt_excused,
                    SUM(CASE WHEN g."Kind" = 'Pvt' AND a."Value" = 'UnexcusedAbsence' THEN 1 ELSE 0 END) AS pvt_unexcused,
                    SUM(CASE WHEN g."Kind" = 'LanguageCourse' AND a."Value" = 'Present' THEN 1 ELSE 0 END) AS course_present,
                    SUM(CASE WHEN g."Kind" = 'LanguageCourse' AND a."Value" <> 'Present' THEN 1 ELSE 0 END) AS course_absent
                FROM "AttendanceRecords" a
                JOIN c ON c."Id" = a."NewcomerId"
                JOIN "Sessions" s ON s."Id" = a."SessionId"
                JOIN "CourseGroups" g ON g."Id" = s."GroupId"
                WHERE a."MunicipalityId" = @m AND s."Date" <= @today
            ) attendance
            CROSS JOIN (
                SELECT
                    COUNT(*) AS proposals,
                    SUM(CASE WHEN p."MatchScore" IS NOT NULL THEN 1 ELSE 0 END) AS suggested,
                    SUM(CASE WHEN p."Answer" = 'Yes' AND EXISTS (SELECT 1 FROM "Consents" k WHERE k."ProposalId" = p."Id") THEN 1 ELSE 0 END) AS said_yes,
                    SUM(CASE WHEN EXISTS (SELECT 1 FROM "Referrals" r WHERE r."ProposalId" = p."Id" AND r."SentOn" IS NOT NULL) THEN 1 ELSE 0 END) AS sent,
                    SUM(CASE WHEN EXISTS (SELECT 1 FROM "Referrals" r WHERE r."ProposalId" = p."Id" AND r."StartedOn" IS NOT NULL) THEN 1 ELSE 0 END) AS started
                FROM "Proposals" p JOIN c ON c."Id" = p."NewcomerId"
                WHERE p."MunicipalityId" = @m
            ) matching
            CROSS JOIN (
                SELECT
                    COUNT(*) AS referrals,
                    COUNT(DISTINCT r."OrganisationId") AS organisations,
                    SUM(CASE WHEN r."Outcome" = 'StillGoingAtThreeMonths' THEN 1 ELSE 0 END) AS still_going,
                    SUM(CASE WHEN r."Outcome" = 'Stopped' THEN 1 ELSE 0 END) AS stopped
                FROM "Referrals" r JOIN c ON c."Id" = r."NewcomerId"
                WHERE r."MunicipalityId" = @m
            ) referrals
            CROSS JOIN (
                SELECT COUNT(*) AS intervention_steps, COUNT(DISTINCT p."NewcomerId") AS intervention_people
                FROM "PlanSteps" st JOIN "IntegrationPlans" p ON p."Id" = st."PlanId" JOIN c ON c."Id" = p."NewcomerId"
                WHERE st."MunicipalityId" = @m AND p."State" = 'Fixed' AND st."Offer" IS NOT NULL
            ) interventions
            CROSS JOIN (
                SELECT COUNT(*) AS milestones_reached
                FROM "Milestones" m JOIN c ON c."Id" = m."NewcomerId"
                WHERE m."MunicipalityId" = @m AND m."State" = 'Reached'
            ) milestones
            """;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // built from the app's own model, no input
        command.CommandText = sql;
#pragma warning restore CA2100
        var sqlite = provider == DatabaseProvider.Sqlite;
        Add(command, "m", sqlite ? municipalityId.ToString().ToUpperInvariant() : municipalityId);
        Add(command, "from", Day(cohort.From ?? DateOnly.MinValue, sqlite));
        Add(command, "until", Day(cohort.Until ?? DateOnly.MaxValue, sqlite));
        Add(command, "today", Day(today, sqlite));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var sums = new Dictionary<string, long>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            sums[reader.GetName(i)] = reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        }
        return sums;
    }

    private static object Day(DateOnly day, bool sqlite) => sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
