using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Mijn afspraken: the newcomer's own lessons, progress meeting and starts at an organisation, in a list, per week and
/// as a calendar file; never anyone else's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OwnAppointmentsTests(AppFixture fixture)
{
    private const string Topic = "Les 3; woorden, zinnen \\ en meer";
    private const string LongPlace = "Bibliotheek De Vecht, zaal één; ingang aan de achterkant bij de fietsenstalling, eerste verdieping";

    private static DateOnly Today => Groups.Today;

    private TestWorld World => fixture.World;

    [Fact]
    public async Task The_list_shows_exactly_the_persons_own_appointments_from_today_by_day_and_the_past_week_greyed()
    {
        var own = await PersonWithAppointmentsAsync(World.A, "Eigen");
        var neighbour = await PersonWithAppointmentsAsync(World.A, "Buur");
        var elsewhere = await PersonWithAppointmentsAsync(World.B, "Elders");
        using var newcomer = await SignedInAsync(own);

        var page = await newcomer.GetAsync(OwnSetup.AppointmentsPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var coming = page.Document.QuerySelectorAll("[data-testid=own-day] [data-testid=own-appointment]").Select(a => a.GetAttribute("data-key")!).ToList();
        Assert.Equal(own.ListedKeys, coming);
        var past = page.Document.QuerySelectorAll("[data-testid=own-past-week] [data-testid=own-appointment]").ToList();
        Assert.Equal(own.PastKeys, past.Select(a => a.GetAttribute("data-key")));
        Assert.All(past, a => Assert.Contains("thuis-own__appointment--past", a.ClassName, StringComparison.Ordinal));
        Assert.All(past, a => Assert.Null(a.QuerySelector("[data-testid=own-appointment-ics]")));
        Assert.Equal(own.ListedKeys.Count, page.Document.QuerySelectorAll("[data-testid=own-day] [data-testid=own-appointment-ics]").Length);

        var lesson = page.Document.QuerySelector($"[data-key={own.LessonKey}]")!.TextContent;
        Assert.Contains("Taalles · PVT", lesson, StringComparison.Ordinal);
        Assert.Contains("09:30 tot 11:30", lesson, StringComparison.Ordinal);
        Assert.Contains(Topic, lesson, StringComparison.Ordinal);
        Assert.Contains(LongPlace, lesson, StringComparison.Ordinal);
        Assert.Contains($"Taalschool {own.Tag}", lesson, StringComparison.Ordinal);
        Assert.Contains("Workshop: Nederlandse waarden en de participatieverklaring · PVT", page.Text, StringComparison.Ordinal);
        var meeting = page.Document.QuerySelector($"[data-key={own.MeetingKey}]")!.TextContent;
        Assert.Contains("Gesprek over uw plan", meeting, StringComparison.Ordinal);
        Assert.Contains($"uw klantregisseur van de gemeente {World.A.Name}", meeting, StringComparison.Ordinal);
        Assert.Contains("tijd nog niet bekend", meeting, StringComparison.Ordinal);
        Assert.Contains($"U begint: Fietsles {own.Tag}", page.Text, StringComparison.Ordinal);
        Assert.Contains($"U begint: Taalcafé {own.Tag}", page.Text, StringComparison.Ordinal);
        Assert.Contains($"Kerkstraat 1, 7721 AB {World.A.Name}", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"Les later {own.Tag}", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"Voor inschrijving {own.Tag}", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(own.Bsn, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jan de Contactpersoon", page.Text, StringComparison.Ordinal);
        foreach (var other in new[] { neighbour, elsewhere })
        {
            Assert.DoesNotContain(other.Tag, page.Text, StringComparison.Ordinal);
            // A progress meeting is known by its day; on the same day as the person's own it is theirs, not the other's.
            Assert.Empty(other.AllKeys.Except(own.AllKeys).Intersect(coming));
        }

        var headings = page.Document.QuerySelectorAll("[data-testid=own-day] h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(own.ListedDays.Select(d => d.ToString("dddd d MMMM", DutchFormat.Culture)), headings);
    }

    [Fact]
    public async Task The_week_view_shows_seven_days_of_the_chosen_week_with_links_to_the_weeks_around_it()
    {
        var own = await PersonWithAppointmentsAsync(World.A, "Week");
        var neighbour = await PersonWithAppointmentsAsync(World.A, "Weekbuur");
        using var newcomer = await SignedInAsync(own);
        var later = Today.AddDays(40);
        var isoWeek = OwnWeek.Of(later);

        var byWeek = await newcomer.GetAsync($"{OwnSetup.AppointmentsPath}?weergave=week&week={isoWeek}");
        var byDate = await newcomer.GetAsync($"{OwnSetup.AppointmentsPath}?datum={later:yyyy-MM-dd}");

        foreach (var page in new[] { byWeek, byDate })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(7, page.Document.QuerySelectorAll("[data-testid=own-week-day]").Length);
            Assert.Equal([own.LaterKey], page.Document.QuerySelectorAll("[data-testid=own-appointment]").Select(a => a.GetAttribute("data-key")));
            Assert.Contains($"Week {ISOWeek.GetWeekOfYear(later.ToDateTime(TimeOnly.MinValue))}:", page.Document.QuerySelector("[data-testid=own-week-caption]")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(neighbour.Tag, page.Text, StringComparison.Ordinal);
            Assert.Equal($"{OwnSetup.AppointmentsPath}?weergave=week&week={OwnWeek.Of(later.AddDays(-7))}",
                page.Document.QuerySelector("[data-testid=own-week-previous]")!.GetAttribute("href"));
            Assert.Equal($"{OwnSetup.AppointmentsPath}?weergave=week&week={OwnWeek.Of(later.AddDays(7))}",
                page.Document.QuerySelector("[data-testid=own-week-next]")!.GetAttribute("href"));
            Assert.Equal("page", page.Document.QuerySelector($"nav.thuis-own-views a[href^='{OwnSetup.AppointmentsPath}?weergave=week']")!.GetAttribute("aria-current"));
        }

        // This week: today is marked, and a week long gone is not shown: the earliest week is the one of a week ago.
        var thisWeek = await newcomer.GetAsync($"{OwnSetup.AppointmentsPath}?weergave=week");
        Assert.Equal("date", thisWeek.Document.QuerySelector(".thuis-own-week__day--today")!.GetAttribute("aria-current"));
        var longAgo = await newcomer.GetAsync($"{OwnSetup.AppointmentsPath}?weergave=week&week={OwnWeek.Of(Today.AddDays(-60))}");
        Assert.Equal(HttpStatusCode.OK, longAgo.Status);
        Assert.Null(longAgo.Document.QuerySelector("[data-testid=own-week-previous]"));
        Assert.Contains(Today.AddDays(-7).ToString("d MMMM", DutchFormat.Culture), longAgo.Document.QuerySelector("[data-testid=own-week-caption]")!.TextContent
            + string.Join(' ', longAgo.Document.QuerySelectorAll("[data-testid=own-week-day] h3").Select(h => h.TextContent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_file_holds_the_coming_appointments_as_valid_iCalendar_with_escaping_folding_and_stable_uids()
    {
        var own = await PersonWithAppointmentsAsync(World.A, "Agenda");
        var neighbour = await PersonWithAppointmentsAsync(World.A, "Agendabuur");
        var elsewhere = await PersonWithAppointmentsAsync(World.B, "Agendaelders");
        using var newcomer = await SignedInAsync(own);

        using var response = await newcomer.Http.GetAsync(OwnSetup.CalendarPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(OwnCalendarFile.AllFileName, response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        // Structure: CRLF line endings only, no physical line over 75 octets, folded lines start with one space.
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var physical = text[..^2].Split("\r\n");
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Regel van {Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(physical, line => line.StartsWith(' '));
        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal)[..^2].Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));

        var events = Events(lines);
        Assert.Equal(own.CalendarKeys.Count, events.Count);
        Assert.All(events, e =>
        {
            Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", e["DTSTAMP"]);
            Assert.EndsWith($"@{fixture.App.BaseAddress.Host}", e["UID"], StringComparison.Ordinal);
        });
        Assert.Equal(own.CalendarKeys.Order(StringComparer.Ordinal), events.Select(e => e["UID"].Split('@')[0][..^13]).Order(StringComparer.Ordinal));

        // A lesson: UTC times from the Dutch wall clock, text escaped, the long place folded and whole again once unfolded.
        var lesson = events.Single(e => e["UID"].StartsWith(own.LessonKey, StringComparison.Ordinal));
        Assert.Equal(Utc(Today.AddDays(1), new TimeOnly(9, 30)), lesson["DTSTART"]);
        Assert.Equal(Utc(Today.AddDays(1), new TimeOnly(11, 30)), lesson["DTEND"]);
        Assert.Equal("Taalles · PVT", lesson["SUMMARY"]);
        Assert.Equal("Bibliotheek De Vecht\\, zaal één\\; ingang aan de achterkant bij de fietsenstalling\\, eerste verdieping", lesson["LOCATION"]);
        Assert.StartsWith("Les 3\\; woorden\\, zinnen \\\\ en meer\\nGroep: PVT ", lesson["DESCRIPTION"], StringComparison.Ordinal);
        Assert.Contains($"\\nMet wie: Taalschool {own.Tag}", lesson["DESCRIPTION"], StringComparison.Ordinal);

        // A progress meeting is a whole day that leaves the person free.
        var meeting = events.Single(e => e["UID"].StartsWith(own.MeetingKey, StringComparison.Ordinal));
        Assert.Equal(Today.AddDays(10).ToString("yyyyMMdd", CultureInfo.InvariantCulture), meeting["DTSTART;VALUE=DATE"]);
        Assert.Equal(Today.AddDays(11).ToString("yyyyMMdd", CultureInfo.InvariantCulture), meeting["DTEND;VALUE=DATE"]);
        Assert.Equal("TRANSPARENT", meeting["TRANSP"]);
        Assert.Equal("Gesprek over uw plan", meeting["SUMMARY"]);

        // A library reads it back the same.
        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal(own.CalendarKeys.Count, calendar.Events.Count);
        var parsed = calendar.Events.Single(e => e.Uid!.StartsWith(own.LessonKey, StringComparison.Ordinal));
        Assert.Equal(LongPlace, parsed.Location);
        Assert.StartsWith($"{Topic}\nGroep: PVT ", parsed.Description, StringComparison.Ordinal);
        Assert.True(calendar.Events.Single(e => e.Uid!.StartsWith(own.MeetingKey, StringComparison.Ordinal)).IsAllDay);

        // Nothing of anyone else, no BSN, no past appointments; the same UIDs on the next download.
        Assert.DoesNotContain(own.Bsn, text, StringComparison.Ordinal);
        Assert.DoesNotContain(neighbour.Tag, text, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.Tag, text, StringComparison.Ordinal);
        Assert.DoesNotContain(own.PastKeys, k => text.Contains(k, StringComparison.Ordinal));
        var again = await newcomer.Http.GetStringAsync(OwnSetup.CalendarPath);
        Assert.Equal(events.Select(e => e["UID"]), Events(again.Replace("\r\n ", "", StringComparison.Ordinal)[..^2].Split("\r\n")).Select(e => e["UID"]));
    }

    [Fact]
    public async Task Each_appointment_has_its_own_calendar_file_and_anothers_appointment_answers_404()
    {
        var own = await PersonWithAppointmentsAsync(World.A, "Eentje");
        var neighbour = await PersonWithAppointmentsAsync(World.A, "Eentjebuur");
        var elsewhere = await PersonWithAppointmentsAsync(World.B, "Eentjeelders");
        using var newcomer = await SignedInAsync(own);

        var list = await newcomer.GetAsync(OwnSetup.AppointmentsPath);
        var link = list.Document.QuerySelector($"[data-key={own.LessonKey}] [data-testid=own-appointment-ics]")!.GetAttribute("href");
        Assert.Equal($"{OwnSetup.AppointmentsPath}/{own.LessonKey}.ics", link);
        foreach (var key in own.CalendarKeys)
        {
            using var one = await newcomer.Http.GetAsync($"{OwnSetup.AppointmentsPath}/{key}.ics");
            Assert.True(one.StatusCode == HttpStatusCode.OK, $"{key} gaf {one.StatusCode}");
            Assert.Equal("text/calendar; charset=utf-8", one.Content.Headers.ContentType!.ToString());
            var text = await one.Content.ReadAsStringAsync();
            Assert.Single(Events(text.Replace("\r\n ", "", StringComparison.Ordinal)[..^2].Split("\r\n")));
            Assert.Contains($"UID:{key}-", text, StringComparison.Ordinal);
        }

        foreach (var key in neighbour.AllKeys.Concat(elsewhere.AllKeys).Where(k => !own.AllKeys.Contains(k))
            .Append($"bijeenkomst-{World.A.SessionId:N}").Append($"bijeenkomst-{World.B.SessionId:N}")
            .Append($"verwijzing-{World.A.ReferralId:N}").Append($"verwijzing-{World.B.ReferralId:N}")
            .Append($"geregeld-{World.A.ProposalId:N}").Append("voortgangsgesprek-20260230").Append("iets-anders"))
        {
            using var other = await newcomer.Http.GetAsync($"{OwnSetup.AppointmentsPath}/{key}.ics");
            Assert.True(other.StatusCode == HttpStatusCode.NotFound, $"{key} van een ander gaf {other.StatusCode}");
            var body = await other.Content.ReadAsStringAsync();
            Assert.DoesNotContain(neighbour.Tag, body, StringComparison.Ordinal);
            Assert.DoesNotContain(elsewhere.Tag, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_start_page_shows_the_next_appointment_and_leads_to_the_list()
    {
        var own = await PersonWithAppointmentsAsync(World.A, "Start");
        using var newcomer = await SignedInAsync(own);

        var start = await newcomer.GetAsync(OwnSetup.StartPath);

        var card = start.Document.QuerySelector("[data-testid=own-next-appointment]")!;
        Assert.Contains("Mijn afspraken", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Taalles · PVT", card.TextContent, StringComparison.Ordinal);
        Assert.Contains(Today.AddDays(1).ToString("dddd d MMMM", DutchFormat.Culture), card.TextContent, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector($"a[href='{OwnSetup.AppointmentsPath}']"));
        Assert.Contains(OwnSetup.AppointmentsPath, start.Document.QuerySelectorAll("nav.thuis-nav a[href]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Someone_without_appointments_reads_so_in_plain_words_and_gets_an_empty_calendar()
    {
        var person = await Groups.NewcomerAsync(fixture.App, World.A, "Leeg", $"Agenda{Guid.NewGuid():N}"[..14]);
        using var newcomer = await SignedInAsync(new Person(person, World.A, "", "", "", "", "", [], [], [], [], []));

        var page = await newcomer.GetAsync(OwnSetup.AppointmentsPath);
        Assert.Contains("U heeft nu geen afspraken", page.Document.QuerySelector("[data-testid=own-no-appointments]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("[data-testid=own-past-week]"));
        Assert.Contains("U heeft nu geen afspraken.", (await newcomer.GetAsync(OwnSetup.StartPath)).Text, StringComparison.Ordinal);
        var week = await newcomer.GetAsync($"{OwnSetup.AppointmentsPath}?weergave=week");
        Assert.Equal(7, week.Document.QuerySelectorAll("[data-testid=own-week-day]").Length);

        var calendar = await newcomer.Http.GetStringAsync(OwnSetup.CalendarPath);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VEVENT", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_English_the_page_and_the_calendar_file_use_the_English_words_around_the_staffs_own()
    {
        var own = await PersonWithAppointmentsAsync(World.A, "English");
        using var newcomer = await SignedInAsync(own);
        newcomer.UseCopiedCookies(".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");

        var page = await newcomer.GetAsync(OwnSetup.AppointmentsPath);
        Assert.Equal("My appointments", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Language lesson · PVT", page.Text, StringComparison.Ordinal);
        Assert.Contains(Topic, page.Text, StringComparison.Ordinal);
        var calendar = await newcomer.Http.GetStringAsync($"{OwnSetup.AppointmentsPath}/{own.MeetingKey}.ics");
        Assert.Contains("SUMMARY:Meeting about your plan", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_get_403_and_someone_not_signed_in_is_sent_to_sign_in()
    {
        var own = await PersonWithAppointmentsAsync(World.A, "Staf");
        var email = await World.CreateUserAsync(World.A, [.. Roles.All]);
        using var staff = fixture.NewClient();
        await staff.SignInOrFailAsync(email);
        using var anonymous = fixture.NewClient();
        foreach (var url in new[] { OwnSetup.AppointmentsPath, $"{OwnSetup.AppointmentsPath}?weergave=week", OwnSetup.CalendarPath, $"{OwnSetup.AppointmentsPath}/{own.LessonKey}.ics" })
        {
            var page = await staff.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"{url} gaf {page.Status} aan de staf");
            Assert.DoesNotContain(own.Tag, page.Text, StringComparison.Ordinal);
            var signIn = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
            Assert.StartsWith(OwnSetup.SignInPath, signIn.Location, StringComparison.Ordinal);
        }
    }

    // --- helpers ---

    /// <summary>
    /// A person's appointments as the test made them: keys of what the list shows (in order), of what lies in the past
    /// week, and of everything the calendar file holds.
    /// </summary>
    internal sealed record Person(Guid Id, TestMunicipality Municipality, string Tag, string Bsn, string LessonKey, string MeetingKey, string LaterKey,
        IReadOnlyList<string> ListedKeys, IReadOnlyList<DateOnly> ListedDays, IReadOnlyList<string> PastKeys, IReadOnlyList<string> CalendarKeys,
        IReadOnlyList<string> AllKeys);

    /// <summary>
    /// Someone with a PVT group (a lesson tomorrow, a workshop the day after, one in 40 days, one three days ago, and
    /// one before they joined), a plan in force with a progress meeting in 10 days, a referral started two days ago and
    /// a start arranged without a partner in five days. Every text of theirs carries a tag of their own.
    /// </summary>
    private async Task<Person> PersonWithAppointmentsAsync(TestMunicipality municipality, string name)
    {
        var tag = $"{name}{Guid.NewGuid():N}"[..(name.Length + 6)];
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bsn = "9" + RandomDigits(7);
        bsn += Eleven(bsn);
        var person = People.Newcomer(municipality.Id, name, $"Afspraak {tag}", new DateOnly(1990, 1, 1), bsn.Length == 9 ? bsn : null);
        db.Newcomers.Add(person);

        var joined = Today.AddDays(-5);
        var group = new CourseGroup(municipality.Id, new CourseGroupDetails(CourseKind.Pvt, $"PVT {tag}", $"Taalschool {tag}", LongPlace, Today.AddDays(-20), null));
        var lesson = new Session(group, new SessionDetails(Today.AddDays(1), new TimeOnly(9, 30), new TimeOnly(11, 30), SessionKind.LanguageLesson, Topic, null));
        var workshop = new Session(group, new SessionDetails(Today.AddDays(2), new TimeOnly(13, 0), new TimeOnly(15, 0), SessionKind.Workshop, null, WorkshopTheme.DutchValues));
        var later = new Session(group, new SessionDetails(Today.AddDays(40), new TimeOnly(9, 30), new TimeOnly(11, 30), SessionKind.LanguageLesson, $"Les later {tag}", null));
        var gone = new Session(group, new SessionDetails(Today.AddDays(-3), new TimeOnly(9, 30), new TimeOnly(11, 30), SessionKind.LanguageLesson, $"Les voorbij {tag}", null));
        var beforeJoining = new Session(group, new SessionDetails(joined.AddDays(-1), new TimeOnly(9, 30), new TimeOnly(11, 30), SessionKind.LanguageLesson, $"Voor inschrijving {tag}", null));
        db.CourseGroups.Add(group);
        db.Sessions.AddRange(lesson, workshop, later, gone, beforeJoining);
        db.Enrolments.Add(new Enrolment(group, person.Id, municipality.Id, joined, "test", DateTimeOffset.UtcNow));

        var plan = IntegrationPlan.FirstDraft(person, "test", DateTimeOffset.UtcNow);
        plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Participation, null, 4, 6, null, null, null, null, 6, Today.AddDays(10), null),
            new Dictionary<ParticipationDomain, string> { [ParticipationDomain.Meeting] = "Mensen leren kennen" },
            [new StepContent(null, ParticipationDomain.Meeting, $"Stap {tag}", StepOwner.Newcomer, null, Today.AddDays(30), true, null)], Today);
        plan.Fix(Today.AddDays(-30), "test", DateTimeOffset.UtcNow);
        db.IntegrationPlans.Add(plan);

        var partner = await db.Organisations.SingleAsync(o => o.Id == municipality.PartnerOrganisationId);
        var proposal = new Proposal(person, TargetKind.Other, null, $"Taalcafé {tag}", partner.Id, null, "test", DateTimeOffset.UtcNow, Today.AddDays(-10));
        proposal.RecordAnswer(NewcomerAnswer.Yes, Today.AddDays(-9), null);
        var consent = new Consent(proposal, "Doorverwijzing", Today.AddDays(-9), Today.AddYears(1), "test");
        var referral = new Referral(proposal, consent, partner, null, Today.AddDays(-9));
        referral.Send(Today.AddDays(-9));
        referral.Accept(Today.AddDays(-8));
        referral.Start(Today.AddDays(-2));
        db.Proposals.Add(proposal);
        db.Consents.Add(consent);
        db.Referrals.Add(referral);

        var club = new Organisation(municipality.Id, new OrganisationDetails($"Fietsclub {tag}", OrganisationType.Other, "Kerkstraat", "1", "7721 AB", municipality.Name,
            "Jan de Contactpersoon", null, null, null, false, [], [], false, null));
        db.Organisations.Add(club);
        var arranged = new Proposal(person, TargetKind.Other, null, $"Fietsles {tag}", club.Id, null, "test", DateTimeOffset.UtcNow, Today.AddDays(-6));
        arranged.RecordAnswer(NewcomerAnswer.Yes, Today.AddDays(-5), null);
        arranged.RecordArrangement("de klantregisseur", Today.AddDays(5), null);
        db.Proposals.Add(arranged);
        await db.SaveChangesAsync();

        string SessionKey(Session s) => $"bijeenkomst-{s.Id:N}";
        var meetingKey = $"voortgangsgesprek-{Today.AddDays(10):yyyyMMdd}";
        var arrangedKey = $"geregeld-{arranged.Id:N}";
        var referralKey = $"verwijzing-{referral.Id:N}";
        return new Person(person.Id, municipality, tag, bsn, SessionKey(lesson), meetingKey, SessionKey(later),
            [SessionKey(lesson), SessionKey(workshop), arrangedKey, meetingKey],
            [Today.AddDays(1), Today.AddDays(2), Today.AddDays(5), Today.AddDays(10)],
            [SessionKey(gone), referralKey],
            [SessionKey(lesson), SessionKey(workshop), arrangedKey, meetingKey, SessionKey(later)],
            [SessionKey(lesson), SessionKey(workshop), arrangedKey, meetingKey, SessionKey(later), SessionKey(gone), referralKey, SessionKey(beforeJoining)]);
    }

    /// <summary>The person's own account, as if activated from the letter, signed in.</summary>
    private async Task<ThuisClient> SignedInAsync(Person person)
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var signInName = $"afspraken-{Guid.NewGuid():N}@{person.Municipality.Name.ToLowerInvariant()}.test";
            var account = ThuisUser.ForNewcomer(signInName, "Eigen", person.Municipality.Id, person.Id);
            await DemoData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>(), account, TestWorld.Password, Roles.Newcomer);
            var client = fixture.NewClient();
            await client.SignInOrFailAsync(signInName);
            return client;
        }
    }

    /// <summary>Each VEVENT of unfolded content lines, as property name (with parameters) to value.</summary>
    private static List<Dictionary<string, string>> Events(IEnumerable<string> lines)
    {
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            if (line == "BEGIN:VEVENT")
            {
                current = [];
            }
            else if (line == "END:VEVENT")
            {
                events.Add(current!);
                current = null;
            }
            else if (current is not null)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                current[line[..colon]] = line[(colon + 1)..];
            }
        }
        return events;
    }

    private static string Utc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), DutchFormat.TimeZone).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string RandomDigits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => System.Security.Cryptography.RandomNumberGenerator.GetInt32(10)));

    /// <summary>The ninth digit that makes eight digits pass the eleven test, or nothing when none does.</summary>
    private static string Eleven(string eight)
    {
        var sum = eight.Select((d, i) => (d - '0') * (9 - i)).Sum();
        return sum % 11 < 10 ? (sum % 11).ToString(CultureInfo.InvariantCulture) : "";
    }
}
