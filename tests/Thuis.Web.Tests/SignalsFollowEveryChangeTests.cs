using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Debts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Every handler that writes people's data, driven through its page: a change one step across a rule's edge raises or
/// closes the signal in that same request. A handler the table below does not know about fails the first test.
/// </summary>
public sealed class SignalsFollowEveryChangeTests(SignalsFollowEveryChangeTests.Fixture fixture) : IClassFixture<SignalsFollowEveryChangeTests.Fixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);

    /// <summary>How a handler that takes the database is accounted for.</summary>
    private abstract record Coverage;

    /// <summary>A scenario proves its change reaches the signals (or, where no rule reads it, the data-change event).</summary>
    private sealed record Covered(string Test, Type? In = null) : Coverage;

    private sealed record WritesNoPeoplesData(string Reason) : Coverage;

    /// <summary>Every type in Thuis.Web.Features.* that takes the database, by its name under Features.</summary>
    private static readonly Dictionary<string, Coverage> Handlers = new()
    {
        ["AuditTrail.SearchAuditTrail"] = new WritesNoPeoplesData("reads the audit trail; audit of the search"),
        ["AuditTrail.VerifyAuditTrail"] = new WritesNoPeoplesData("reads the audit trail; audit of the check"),
        ["Transfers.RegisterTransferKey"] = new WritesNoPeoplesData("another municipality's public key; no rule reads it"),
        ["Transfers.RemoveTransferKey"] = new WritesNoPeoplesData("another municipality's public key; no rule reads it"),
        ["Transfers.ShowTransferKeys"] = new WritesNoPeoplesData("reads only"),
        ["Transfers.TransferSigning"] = new WritesNoPeoplesData("the municipality's signing key; no rule reads it"),
        ["Retention.ApplyRetention"] = new Covered(nameof(RetentionTests.The_daily_run_erases_a_dossier_five_years_after_it_closed_keeps_a_younger_one_and_reports_what_it_erased), typeof(RetentionTests)),
        ["Retention.DecideErasure"] = new Covered(nameof(RetentionTests.A_request_to_erase_takes_two_administrators_neither_of_them_once_more_and_the_second_erases), typeof(RetentionTests)),
        ["Retention.RequestErasure"] = new WritesNoPeoplesData("a request to erase; nothing changes until two administrators approve"),
        ["Retention.ListErasures"] = new WritesNoPeoplesData("reads only"),
        ["Users.AcceptInvitation"] = new WritesNoPeoplesData("a staff account's password"),
        ["Users.ChangeUserRole"] = new WritesNoPeoplesData("a staff account's role"),
        ["Users.DeactivateUser"] = new WritesNoPeoplesData("a staff account's status"),
        ["Users.InviteUser"] = new WritesNoPeoplesData("a staff account and its invitation"),
        ["Users.ListUsers"] = new WritesNoPeoplesData("reads only"),
        ["Users.ResetTwoFactor"] = new WritesNoPeoplesData("a staff account's sign-in"),
        ["Users.ShowUser"] = new WritesNoPeoplesData("reads only"),
        ["Accounts.SetUpTwoFactor"] = new WritesNoPeoplesData("the user's own sign-in"),
        ["Accounts.ThuisClaimsPrincipalFactory"] = new WritesNoPeoplesData("the signed-in user's claims"),
        ["Admin.ChangeDeadlines"] = new Covered(nameof(Shortening_the_PIP_deadline_raises_the_signal_for_everyone_in_that_municipality_only)),
        ["Admin.ChangePvtPractice"] = new WritesNoPeoplesData("the PVT's lessons, themes and months; no rule reads them (the PVT-start signal counts the start, not completion)"),
        ["Admin.ChangeTwoFactorRequirement"] = new WritesNoPeoplesData("a sign-in setting no rule reads"),
        ["Admin.ShowAdministration"] = new WritesNoPeoplesData("reads only"),
        ["Dossiers.ChangeDossierStatus"] = new Covered(nameof(Pausing_a_dossier_closes_its_open_signals_in_the_same_request)),
        ["Dossiers.EditNewcomer"] = new Covered(nameof(Correcting_the_registration_date_raises_the_PIP_deadline_signal_in_the_same_request)),
        ["Dossiers.ImportNewcomers"] = new Covered(nameof(Importing_someone_whose_PIP_deadline_has_passed_raises_the_signal_in_the_same_request)),
        ["Dossiers.ListDossiers"] = new WritesNoPeoplesData("reads only"),
        ["Dossiers.RegisterNewcomer"] = new Covered(nameof(Registering_someone_whose_PIP_deadline_has_passed_raises_the_signal_in_the_same_request)),
        ["Dossiers.SearchNewcomers"] = new WritesNoPeoplesData("reads only"),
        ["Dossiers.ViewDossier"] = new WritesNoPeoplesData("reads only, audit of a view"),
        ["Intake.LoadIntakeSection"] = new WritesNoPeoplesData("audit of a view only"),
        ["Intake.SaveIntakeSection"] = new Covered(nameof(Recording_that_someone_came_to_the_intake_closes_the_invitation_signal_in_the_same_request)),
        ["Interventions.ChangeAvailability"] = new WritesNoPeoplesData("the guide"),
        ["Interventions.InterventionCoverage"] = new WritesNoPeoplesData("reads only"),
        ["Interventions.LoadInterventionCatalogue"] = new WritesNoPeoplesData("the guide"),
        ["Interventions.SaveIntervention"] = new WritesNoPeoplesData("the guide"),
        ["Interventions.SearchInterventions"] = new WritesNoPeoplesData("the guide; audit of a view"),
        ["Interventions.ViewIntervention"] = new WritesNoPeoplesData("reads only"),
        ["Journey.ViewJourney"] = new WritesNoPeoplesData("reads only"),
        ["Matching.DecideCohortMatch"] = new Covered(nameof(Accepting_a_cohort_match_tells_the_change_of_that_person)),
        ["Matching.ProposeMatch"] = new Covered(nameof(Proposing_a_suggestion_tells_the_change_of_that_person)),
        ["Matching.ReadMatchingPeople"] = new WritesNoPeoplesData("reads only"),
        ["Matching.ReadMatchingPool"] = new WritesNoPeoplesData("reads only"),
        ["Matching.WeighLoad"] = new WritesNoPeoplesData("reads only"),
        ["Matching.RunCohort"] = new Covered(nameof(A_cohort_run_tells_the_change_of_the_people_it_matched)),
        ["Matching.SuggestOffers"] = new WritesNoPeoplesData("reads only"),
        ["Matching.ViewCohortRun"] = new WritesNoPeoplesData("reads only"),
        ["Milestones.RecordMilestones"] = new Covered(nameof(Recording_a_milestone_as_behind_raises_the_signal_in_the_same_request)),
        ["Milestones.UpdateSettlingChecklist"] = new Covered(nameof(Ticking_the_last_settling_item_closes_the_milestone_signal_in_the_same_request)),
        ["Milestones.ViewMilestones"] = new WritesNoPeoplesData("reads only"),
        ["Own.ActivateOwnAccess"] = new Covered(nameof(OwnAccessTests.Inviting_activating_and_revoking_tell_the_change_of_that_person), typeof(OwnAccessTests)),
        ["Own.AnswerOwnFeedback"] = new Covered(nameof(OwnFeedbackTests.An_unhappy_answer_raises_a_signal_with_the_persons_words_and_a_happy_one_none), typeof(OwnFeedbackTests)),
        ["Own.AskOwnCorrection"] = new Covered(nameof(PrivacyTests.A_correction_the_person_asks_for_reaches_the_case_manager_with_a_month_and_the_answer_comes_back_to_the_person), typeof(PrivacyTests)),
        ["Own.AnswerOwnProposal"] = new Covered(nameof(Answering_a_proposal_in_the_own_Thuis_tells_the_change_of_that_person)),
        ["Own.ChooseOwnLanguage"] = new WritesNoPeoplesData("writes only the language on the newcomer's own account, which no signal reads"),
        ["Own.EditOwnWishes"] = new Covered(nameof(OwnFeedbackTests.Answering_and_writing_what_I_want_tell_the_change_of_that_person), typeof(OwnFeedbackTests)),
        ["Own.InviteToOwnThuis"] = new Covered(nameof(OwnAccessTests.Inviting_activating_and_revoking_tell_the_change_of_that_person), typeof(OwnAccessTests)),
        ["Own.ListOwnAppointments"] = new WritesNoPeoplesData("reads only the signed-in newcomer's own appointments"),
        ["Own.ListOwnConsents"] = new WritesNoPeoplesData("reads only the signed-in newcomer's own consents"),
        ["Own.ListOwnFeedbackQuestions"] = new WritesNoPeoplesData("reads only the signed-in newcomer's own activities and answers"),
        ["Own.ListOwnProposals"] = new WritesNoPeoplesData("reads only the signed-in newcomer's own proposals"),
        ["Own.ManageOwnPasskeys"] = new WritesNoPeoplesData("writes only the passkeys of the signed-in newcomer's own account and the audit entry, which no signal reads"),
        ["Own.ReportOwnStep"] = new Covered(nameof(OwnAccessTests.Marking_a_step_done_and_saying_one_is_not_going_well_reach_the_case_managers_plan_and_signals), typeof(OwnAccessTests)),
        ["Own.RevokeOwnAccess"] = new Covered(nameof(OwnAccessTests.Inviting_activating_and_revoking_tell_the_change_of_that_person), typeof(OwnAccessTests)),
        ["Own.SignInWithDigiD"] = new Covered(nameof(DigiDSignInTests.An_invited_person_activates_their_own_Thuis_with_DigiD_and_the_letter_is_used_up), typeof(DigiDSignInTests)),
        ["Own.ViewOwnData"] = new WritesNoPeoplesData("reads the signed-in newcomer's own data and audit trail; writes only the audit entry of that look"),
        ["Own.ViewOwnPlan"] = new WritesNoPeoplesData("reads only the signed-in newcomer's own plan"),
        ["Own.WithdrawOwnRoleModel"] = new Covered(nameof(CommunityTests.A_role_model_sees_the_consent_in_their_own_Thuis_and_withdrawing_it_there_takes_them_off_what_is_to_come_and_tells_the_case_manager), typeof(CommunityTests)),
        ["Own.WithdrawOwnConsent"] = new Covered(nameof(OwnProposalsTests.Withdrawing_a_consent_after_confirming_ends_the_partners_view_and_raises_a_signal_for_the_case_manager), typeof(OwnProposalsTests)),
        ["Plans.ChooseSteppingStones"] = new Covered(nameof(Choosing_a_stepping_stone_tells_the_change_of_that_person)),
        ["Plans.AddInterventionToPlan"] = new Covered(nameof(Adding_an_intervention_to_a_draft_plan_tells_the_change_of_that_person)),
        ["Plans.AddWorkStepToPlan"] = new Covered(nameof(Putting_a_training_step_in_the_plan_tells_the_change_of_that_person)),
        ["Plans.ChooseEducationRoute"] = new Covered(nameof(Choosing_an_education_route_tells_the_change_of_that_person)),
        ["Plans.DraftPlan"] = new Covered(nameof(Drafting_a_plan_closes_the_not_yet_invited_signal_in_the_same_request)),
        ["Plans.EditPlan"] = new Covered(nameof(Editing_a_draft_plan_tells_the_change_of_that_person)),
        ["Plans.FixPlan"] = new Covered(nameof(Fixing_the_plan_closes_the_PIP_deadline_signal_in_the_same_request)),
        ["Plans.ListPlans"] = new WritesNoPeoplesData("reads only"),
        ["Plans.RecordStepProgress"] = new Covered(nameof(Starting_a_step_closes_the_stagnation_signal_in_the_same_request)),
        ["Plans.ViewPlan"] = new WritesNoPeoplesData("reads only"),
        ["Privacy.ExportPersonData"] = new WritesNoPeoplesData("reads one person's dossier for staff to hand over; writes only the audit entry of that look"),
        ["Privacy.ViewProcessingRegister"] = new WritesNoPeoplesData("reads the municipality and its privacy officers' accounts"),
        ["Referrals.HandleReferral"] = new Covered(nameof(The_partner_accepting_a_referral_closes_the_unanswered_signal_in_the_same_request)),
        ["Referrals.ListReferrals"] = new WritesNoPeoplesData("reads only"),
        ["Referrals.ProposeToNewcomer"] = new Covered(nameof(Proposing_something_tells_the_change_of_that_person)),
        ["Referrals.RecordNewcomerAnswer"] = new Covered(nameof(Recording_the_newcomers_answer_tells_the_change_of_that_person)),
        ["Referrals.RecordArrangement"] = new Covered(nameof(Recording_who_arranged_a_yes_without_a_partner_tells_the_change_of_that_person)),
        ["Referrals.ReferNewcomer"] = new Covered(nameof(Referring_to_a_meeting_offer_closes_the_isolation_signal_in_the_same_request)),
        ["Referrals.ViewReferral"] = new WritesNoPeoplesData("audit of a view only"),
        ["Reports.BuildReport"] = new WritesNoPeoplesData("audit of a view only"),
        ["Plans.RecordTermChange"] = new Covered(nameof(TermChangeTests.The_term_signal_follows_the_new_last_day_in_the_same_request), typeof(TermChangeTests)),
        ["Referrals.ViewProposals"] = new WritesNoPeoplesData("reads only"),
        ["Signals.ChangeSignalSettings"] = new Covered(nameof(SignalRulesTests.The_administrator_changes_the_thresholds_and_the_signals_follow_at_once_in_that_municipality_only), typeof(SignalRulesTests)),
        ["Signals.EvaluateSignals"] = new WritesNoPeoplesData("the signals themselves"),
        ["Signals.HandleSignal"] = new WritesNoPeoplesData("the signals themselves"),
        ["Signals.ListSignals"] = new WritesNoPeoplesData("the signals themselves; audit of a view"),
        ["Signals.SignalScope"] = new WritesNoPeoplesData("what the rules read"),
        ["Signals.SignalsFollowChanges"] = new WritesNoPeoplesData("the signals themselves"),
        ["SocialMap.EditOffer"] = new Covered(nameof(Taking_an_offer_out_of_meeting_raises_the_isolation_signal_of_the_people_referred_to_it_in_the_same_request)),
        ["SocialMap.EditOrganisation"] = new WritesNoPeoplesData("the social map"),
        ["SocialMap.EditVolunteer"] = new WritesNoPeoplesData("the social map"),
        ["SocialMap.ImportOffers"] = new Covered(nameof(Importing_an_offer_out_of_meeting_raises_the_isolation_signal_of_the_people_referred_to_it_in_the_same_request)),
        ["SocialMap.ImportOrganisations"] = new WritesNoPeoplesData("the social map"),
        ["SocialMap.ImportVolunteers"] = new WritesNoPeoplesData("the social map"),
        ["SocialMap.ListOffers"] = new WritesNoPeoplesData("reads only"),
        ["SocialMap.ListOrganisations"] = new WritesNoPeoplesData("reads only"),
        ["SocialMap.ListVolunteers"] = new WritesNoPeoplesData("reads only"),
        ["SocialMap.OfferCoverage"] = new WritesNoPeoplesData("reads only"),
        ["SocialMap.ViewOrganisation"] = new WritesNoPeoplesData("reads only"),
        ["SocialMap.ViewVolunteer"] = new WritesNoPeoplesData("the social map; audit of a view"),
        ["Trajectories.CreateCourseGroup"] = new WritesNoPeoplesData("a new group has nobody in it yet"),
        ["Trajectories.EditCourseGroup"] = new Covered(nameof(Changing_a_PVT_group_into_a_language_course_raises_the_PVT_signal_of_its_people_in_the_same_request)),
        ["Trajectories.EnrolNewcomer"] = new Covered(nameof(Enrolling_in_a_PVT_group_closes_the_PVT_signal_in_the_same_request)),
        ["Trajectories.ListCourseGroups"] = new WritesNoPeoplesData("reads only"),
        ["Trajectories.PlanSession"] = new Covered(nameof(Deleting_a_missed_lesson_closes_the_attendance_signal_of_its_people_in_the_same_request)),
        ["Trajectories.RecordAttendance"] = new Covered(nameof(Recording_a_third_unexcused_absence_raises_the_attendance_signal_in_the_same_request)),
        ["Trajectories.UnenrolNewcomer"] = new Covered(nameof(Unenrolling_from_the_PVT_group_raises_the_PVT_signal_again_in_the_same_request)),
        ["Trajectories.ViewCourseGroup"] = new WritesNoPeoplesData("reads only"),
        ["Trajectories.ViewNewcomerLessons"] = new WritesNoPeoplesData("reads only"),
        ["Transfers.ExportDossier"] = new Covered(nameof(Transferring_a_dossier_away_closes_its_signals_in_the_same_request)),
        ["Transfers.ListTransfers"] = new WritesNoPeoplesData("reads only"),
        ["Transfers.ReadDossierContents"] = new WritesNoPeoplesData("reads the whole dossier; writes only the audit entry of that look"),
        ["Transfers.ReceiveTransfer"] = new Covered(nameof(Receiving_a_dossier_of_someone_housed_long_ago_raises_the_PVT_signal_in_the_same_request)),
        ["Work.EditCv"] = new Covered(nameof(Editing_a_CV_tells_the_change_of_that_person)),
        ["Work.ViewCv"] = new WritesNoPeoplesData("reads only, audit of a view"),
        ["Work.ViewWork"] = new WritesNoPeoplesData("reads only, audit of a view"),
        ["Work.FindCandidates"] = new WritesNoPeoplesData("reads only, audit of the candidates it weighed"),
        ["Work.StartApplication"] = new Covered(nameof(Recording_an_application_tells_the_change_of_that_person)),
        ["Work.RecordApplicationStep"] = new Covered(nameof(Recording_a_step_of_an_application_tells_the_change_of_that_person)),
        ["Work.AssignJobCoach"] = new Covered(nameof(Choosing_a_job_coach_tells_the_change_of_that_person)),
        ["Money.ViewMoney"] = new WritesNoPeoplesData("reads only, audit of a view"),
        ["Money.RecordOntzorgenCost"] = new Covered(nameof(Recording_a_bill_the_municipality_pays_tells_the_change_of_that_person)),
        ["Money.EditHouseholdBudget"] = new Covered(nameof(Saving_the_household_budget_tells_the_change_of_that_person)),
        ["Own.ViewOwnMoney"] = new WritesNoPeoplesData("reads only the person's own money"),
        ["Own.ViewOwnCv"] = new WritesNoPeoplesData("reads only the signed-in newcomer's own CV"),
        ["Costs.CostLines"] = new WritesNoPeoplesData("reads only: computes costs from enrolments, attendance, sessions and referrals"),
        ["Costs.EditBudget"] = new WritesNoPeoplesData("the municipality's budget, its allocation and norms; no rule reads it"),
        ["Costs.ViewBudget"] = new WritesNoPeoplesData("reads only; audit of the view of people's costs"),
        ["Debts.ViewDebts"] = new WritesNoPeoplesData("reads only, audit of a view"),
        ["Debts.SaveDebt"] = new Covered(nameof(Recording_an_open_debt_raises_the_debts_signal_in_the_same_request)),
        ["Debts.DeleteDebt"] = new Covered(nameof(Deleting_a_debt_recorded_by_mistake_closes_the_debts_signal_in_the_same_request)),
        ["Debts.RecordArrears"] = new Covered(nameof(Recording_an_early_signal_of_arrears_raises_its_signal_in_the_same_request)),
        ["Debts.RecordArrearsOutcome"] = new Covered(nameof(Recording_the_contact_after_an_early_signal_closes_its_signal_in_the_same_request)),
        ["Volunteering.ViewOwnMatches"] = new WritesNoPeoplesData("reads only the signed-in volunteer's own matches; audit of a view"),
        ["Volunteering.ViewOwnMatch"] = new WritesNoPeoplesData("reads only the signed-in volunteer's own match; audit of a view"),
        ["Volunteering.LogMeeting"] = new Covered(nameof(VolunteerViewTests.The_number_of_quiet_weeks_is_the_municipalitys_setting_and_a_logged_meeting_ends_the_quiet_signal), typeof(VolunteerViewTests)),
        ["Volunteering.RaiseConcern"] = new Covered(nameof(VolunteerViewTests.A_concern_in_the_volunteers_own_words_raises_a_signal_for_the_case_manager_at_once), typeof(VolunteerViewTests)),
        ["Volunteering.EndMatch"] = new Covered(nameof(VolunteerViewTests.Ending_a_quiet_match_closes_its_signal_at_once), typeof(VolunteerViewTests)),
        ["Volunteering.InviteVolunteer"] = new WritesNoPeoplesData("a volunteer's account and its invitation"),
        ["Volunteering.EndVolunteerAccess"] = new WritesNoPeoplesData("a volunteer's account"),
        ["Volunteering.ViewVolunteering"] = new WritesNoPeoplesData("reads only; audit of a view"),
        ["Debts.ImportArrears"] = new Covered(nameof(Reading_an_arrears_file_raises_the_signal_of_that_person_in_the_same_request)),
        ["PartnerApi.ApiKeyAuthenticationHandler"] = new WritesNoPeoplesData("an API key's last use; no rule reads it"),
        ["PartnerApi.IssueApiKey"] = new WritesNoPeoplesData("a partner organisation's API key"),
        ["PartnerApi.RevokeApiKey"] = new WritesNoPeoplesData("a partner organisation's API key"),
        ["PartnerApi.ShowApiKeys"] = new WritesNoPeoplesData("reads only"),
        ["Community.ListActivities"] = new WritesNoPeoplesData("reads only, audit of the view of role models' names"),
        ["Community.ViewCommunityReport"] = new WritesNoPeoplesData("reads only: counts, no person"),
        ["Community.PlanActivity"] = new Covered(nameof(Planning_an_activity_in_a_neighbourhood_closes_the_signal_of_its_new_people_in_the_same_request)),
        ["Community.RoleModels"] = new Covered(nameof(Withdrawing_a_role_models_consent_tells_the_change_of_that_person)),
    };

    [Fact]
    public void Every_handler_that_takes_the_database_is_covered_by_a_scenario_or_says_why_it_writes_no_peoples_data()
    {
        const string Features = "Thuis.Web.Features.";
        var found = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsClass && !(t.IsAbstract && t.IsSealed) && t.Namespace?.StartsWith(Features, StringComparison.Ordinal) == true)
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Any(c => c.GetParameters().Any(p => typeof(AppDbContext).IsAssignableFrom(p.ParameterType))))
            .Select(t => t.FullName![Features.Length..])
            .ToHashSet();

        var failures = new List<string>();
        failures.AddRange(found.Except(Handlers.Keys).Order(StringComparer.Ordinal)
            .Select(t => $"{t} neemt de database maar staat niet in de tabel: schrijf een scenario of zeg waarom het geen gegevens van mensen schrijft"));
        failures.AddRange(Handlers.Keys.Except(found).Order(StringComparer.Ordinal)
            .Select(t => $"{t} staat in de tabel maar bestaat niet (meer)"));
        foreach (var (type, coverage) in Handlers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (coverage is Covered covered
                && (covered.In ?? typeof(SignalsFollowEveryChangeTests)).GetMethod(covered.Test)?.GetCustomAttribute<FactAttribute>() is null)
            {
                failures.Add($"{type}: het scenario {covered.Test} bestaat niet");
            }
            if (coverage is WritesNoPeoplesData { Reason: var reason } && string.IsNullOrWhiteSpace(reason))
            {
                failures.Add($"{type}: zeg waarom het geen gegevens van mensen schrijft");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    // --- Dossiers ---

    [Fact]
    public async Task Registering_someone_whose_PIP_deadline_has_passed_raises_the_signal_in_the_same_request()
    {
        using var client = await SignedInAsync(Roles.CaseManager);

        var page = await client.SubmitAsync("/dossiers/nieuw?zoek=x", "registreren", new Dictionary<string, string>
        {
            ["Input.GivenNames"] = "Hanna",
            ["Input.FamilyName"] = "Registratie",
            ["Input.DateOfBirth"] = "1994-04-04",
            ["Input.Gender"] = "Female",
            ["Input.CountryOfOrigin"] = "Eritrea",
            ["Input.Bsn"] = NewBsn(),
            ["Input.TargetGroup"] = "AsylumPermitHolder",
            ["Input.RegistrationDate"] = "2026-09-01",
            ["Input.ConfirmedNotDuplicate"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        await AssertOpenAsync(IdIn(page.Location), SignalKind.PipDeadline);
    }

    [Fact]
    public async Task Correcting_the_registration_date_raises_the_PIP_deadline_signal_in_the_same_request()
    {
        var person = await PersonAsync("Correctie", registered: Today.AddDays(-11));
        using var client = await SignedInAsync(Roles.CaseManager);

        await RaisesAsync(person, SignalKind.PipDeadline, () =>
            client.SubmitAsync($"/dossiers/{person}/bewerken", "gegevens", new Dictionary<string, string> { ["Input.RegistrationDate"] = "2026-09-01" }));
    }

    [Fact]
    public async Task Importing_someone_whose_PIP_deadline_has_passed_raises_the_signal_in_the_same_request()
    {
        var bsn = NewBsn();
        using var client = await SignedInAsync(Roles.CaseManager);
        var csv = "voornamen;achternaam;geboortedatum;land_van_herkomst;bsn;datum_inschrijving\n" + $"Omid;Import;03-03-1993;Afghanistan;{bsn};01-09-2026\n";

        var page = await client.SubmitFileAsync("/dossiers/importeren", "importeren", "Input.File",
            new ThuisClient.Upload("taakstelling.csv", Encoding.UTF8.GetBytes(csv)));

        Assert.Contains("1 statushouder geïmporteerd, 0 bestonden al, 0 regels afgewezen.", page.Text, StringComparison.Ordinal);
        var person = await ReadAsync(fixture.World.A, db => db.Newcomers.Where(n => n.Bsn == bsn).Select(n => n.Id).SingleAsync());
        await AssertOpenAsync(person, SignalKind.PipDeadline);
    }

    [Fact]
    public async Task Pausing_a_dossier_closes_its_open_signals_in_the_same_request()
    {
        var person = await PersonAsync("Pauze", registered: new DateOnly(2026, 3, 1));
        using var client = await SignedInAsync(Roles.CaseManager);

        await ClosesAsync(person, SignalKind.PipDeadline, () => client.SubmitAsync($"/dossiers/{person}/status", "status", new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(DossierStatus.Paused),
            ["Input.PausedUntil"] = "2027-02-01",
            ["Input.Reason"] = "Eerst de geboorte van de baby.",
        }));
        Assert.DoesNotContain(await SignalsAsync(person), s => s.IsOpen);
    }

    // --- Transfers ---

    [Fact]
    public async Task Transferring_a_dossier_away_closes_its_signals_in_the_same_request()
    {
        var person = await PersonAsync("Verhuizing", registered: new DateOnly(2026, 3, 1), bsn: NewBsn());
        using var client = await SignedInAsync(Roles.CaseManager);

        await ClosesAsync(person, SignalKind.PipDeadline, async () => (await ExportAsync(client, person)).Page);
        Assert.DoesNotContain(await SignalsAsync(person), s => s.IsOpen);
    }

    [Fact]
    public async Task Receiving_a_dossier_of_someone_housed_long_ago_raises_the_PVT_signal_in_the_same_request()
    {
        // The receiving municipality counts the PIP deadline from the moving day; housing and its PVT deadline move along.
        var person = await PersonAsync("Ontvangst", housed: new DateOnly(2026, 6, 1), bsn: NewBsn());
        using var sender = await SignedInAsync(Roles.CaseManager);
        var (_, file) = await ExportAsync(sender, person);
        using var receiver = await SignedInAsync(Roles.CaseManager, fixture.World.B);
        var preview = await receiver.SubmitFileAsync("/dossiers/overdracht-ontvangen", "overdracht-kiezen", "Input.File",
            new ThuisClient.Upload("overdracht.json", file, "application/json"));

        var received = await receiver.PostFormAsync(preview, "overdracht-bevestigen", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, received.Status);
        await AssertOpenAsync(IdIn(received.Location), SignalKind.PvtStart, fixture.World.B);
    }

    // --- Intake and plans ---

    [Fact]
    public async Task Recording_that_someone_came_to_the_intake_closes_the_invitation_signal_in_the_same_request()
    {
        var person = await PersonAsync("Intake", registered: Today.AddDays(-30), arrange: (db, n) =>
        {
            var section = new InvitationsSection(n.Id, n.MunicipalityId);
            section.Update([new Invitation { Date = Today.AddDays(-1), Outcome = InvitationOutcome.Planned }]);
            db.Add(section);
        });
        using var client = await SignedInAsync(Roles.CaseManager);

        await ClosesAsync(person, SignalKind.IntakeInvitation, () => client.SubmitAsync($"/dossiers/{person}/intake/uitnodigingen", "intake-deel",
            new Dictionary<string, string> { ["Input.Invitations[0].Outcome"] = nameof(InvitationOutcome.Attended) }));
    }

    [Fact]
    public async Task Drafting_a_plan_closes_the_not_yet_invited_signal_in_the_same_request()
    {
        var person = await PersonAsync("Concept", registered: Today.AddDays(-14));
        using var client = await SignedInAsync(Roles.CaseManager);

        await ClosesAsync(person, SignalKind.IntakeInvitation, () => client.SubmitAsync($"/dossiers/{person}/plan", "concept", new Dictionary<string, string>()));
    }

    [Fact]
    public async Task Editing_a_draft_plan_tells_the_change_of_that_person()
    {
        var person = await PersonAsync("Bewerking", arrange: (db, n) => db.IntegrationPlans.Add(Plan(n, fixedOn: null, (ParticipationDomain.Meeting, StepStatus.Planned))));
        using var client = await SignedInAsync(Roles.CaseManager);

        await ToldAsync(person, $"/dossiers/{person}/plan/bewerken", () =>
            client.SubmitAsync($"/dossiers/{person}/plan/bewerken", "plan", new Dictionary<string, string> { ["Input.NewcomerWishes"] = "Eerst een eigen fiets." }));
    }

    [Fact]
    public async Task Choosing_a_stepping_stone_tells_the_change_of_that_person()
    {
        var person = await PersonAsync("Opstap", arrange: (db, n) => db.IntegrationPlans.Add(Plan(n, fixedOn: null, (ParticipationDomain.Meeting, StepStatus.Planned))));
        using var client = await SignedInAsync(Roles.CaseManager);

        await ToldAsync(person, $"/dossiers/{person}/plan/opstappen", () =>
            client.SubmitAsync($"/dossiers/{person}/plan/opstappen", "opstappen", new Dictionary<string, string>
            {
                ["Input.Stones[0].Occupation"] = "orderpicker",
                ["Input.Stones[0].Reason"] = "Eerst geld verdienen.",
            }));
    }

    [Fact]
    public async Task Putting_a_training_step_in_the_plan_tells_the_change_of_that_person()
    {
        var person = await PersonAsync("Werkstap", arrange: (db, n) => db.IntegrationPlans.Add(WorkPlan(n)));
        using var client = await SignedInAsync(Roles.CaseManager);

        await ToldAsync(person, $"/dossiers/{person}/plan", () =>
            client.SubmitAsync($"/dossiers/{person}/plan", "werkstap", new Dictionary<string, string> { ["WorkStep.Step"] = "sollicitatietraining" }));
    }

    [Fact]
    public async Task Choosing_an_education_route_tells_the_change_of_that_person()
    {
        var person = await PersonAsync("Opleidingsroute", arrange: (db, n) => db.IntegrationPlans.Add(WorkPlan(n)));
        using var client = await SignedInAsync(Roles.CaseManager);

        await ToldAsync(person, $"/dossiers/{person}/plan/opleidingsroute", () =>
            client.SubmitAsync($"/dossiers/{person}/plan/opleidingsroute", "opleidingsroute", new Dictionary<string, string>
            {
                ["Input.Field"] = "techniek",
                ["Input.StartsOn"] = Iso(Today.AddDays(10)),
            }));
    }

    private static IntegrationPlan WorkPlan(Newcomer newcomer)
    {
        var plan = IntegrationPlan.FirstDraft(newcomer, "test", Now);
        plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Work, null, null, null, null, null, null, null, null, null, null),
            new Dictionary<ParticipationDomain, string>(), [], Today.AddDays(-3));
        return plan;
    }

    [Fact]
    public async Task Editing_a_CV_tells_the_change_of_that_person()
    {
        var person = await PersonAsync("Cv");
        using var client = await SignedInAsync(Roles.CaseManager);

        await ToldAsync(person, $"/dossiers/{person}/cv/bewerken", () =>
            client.SubmitAsync($"/dossiers/{person}/cv/bewerken", "cv", new Dictionary<string, string> { ["Input.Profile"] = "Ik werk graag met kinderen." }));
    }

    [Fact]
    public async Task Recording_an_application_tells_the_change_of_that_person()
    {
        Proposal? proposal = null;
        var person = await PersonAsync("Sollicitatie", arrange: (db, n) => proposal = Vacancies.YesTo(db, n, Today));
        using var client = await SignedInAsync(Roles.CaseManager);
        var path = WorkSetup.ApplicationsPath(person);

        await ToldAsync(person, path, () => client.SubmitAsync(path, "sollicitatie-starten", new Dictionary<string, string> { ["Start.ProposalId"] = proposal!.Id.ToString() }));
    }

    [Fact]
    public async Task Recording_a_step_of_an_application_tells_the_change_of_that_person()
    {
        JobApplication? application = null;
        var person = await PersonAsync("Sollicitatiestap", arrange: (db, n) =>
        {
            var proposal = Vacancies.YesTo(db, n, Today);
            application = new JobApplication(proposal, db.Consents.Local.Single(c => c.ProposalId == proposal.Id),
                db.Offers.Local.Single(o => o.Id == proposal.TargetId), Today.AddDays(-1), Today);
            db.JobApplications.Add(application);
        });
        using var client = await SignedInAsync(Roles.CaseManager);
        var path = WorkSetup.ApplicationPath(person, application!.Id);

        await ToldAsync(person, path, () => client.SubmitAsync(path, "sollicitatie-stap", new Dictionary<string, string> { ["Input.Step"] = nameof(ApplicationState.Interview) }));
    }

    [Fact]
    public async Task Recording_an_open_debt_raises_the_debts_signal_in_the_same_request()
    {
        var person = await PersonAsync("Schuld");
        using var client = await SignedInAsync(Roles.CaseManager);
        var path = DebtsSetup.DebtsPath(person);

        await RaisesAsync(person, SignalKind.DebtsWithoutHelp, () => client.SubmitAsync(path, "schuld", new Dictionary<string, string>
        {
            ["DebtInput.CreditorName"] = "Eneco",
            ["DebtInput.CreditorKind"] = nameof(CreditorKind.Energy),
            ["DebtInput.Amount"] = "240,00",
            ["DebtInput.Since"] = "2026-10-01",
            ["DebtInput.Status"] = nameof(DebtStatus.Open),
        }));
    }

    [Fact]
    public async Task Deleting_a_debt_recorded_by_mistake_closes_the_debts_signal_in_the_same_request()
    {
        Debt? debt = null;
        var person = await PersonAsync("Vergissing", arrange: (db, n) =>
            db.Debts.Add(debt = new Debt(n, new DebtDetails("Eneco", CreditorKind.Energy, 240m, Today.AddMonths(-1), DebtStatus.Open, null, null), Today)));
        using var client = await SignedInAsync(Roles.CaseManager);

        await ClosesAsync(person, SignalKind.DebtsWithoutHelp, () => client.SubmitAsync(DebtsSetup.DebtPath(person, debt!.Id), "schuld-verwijderen",
            new Dictionary<string, string> { ["DeleteInput.Confirm"] = "true" }));
    }

    [Fact]
    public async Task Recording_an_early_signal_of_arrears_raises_its_signal_in_the_same_request()
    {
        var person = await PersonAsync("Vroegsignaal");
        using var client = await SignedInAsync(Roles.CaseManager);
        var path = DebtsSetup.DebtsPath(person);

        await RaisesAsync(person, SignalKind.PaymentArrears, () => client.SubmitAsync(path, "vroegsignaal", new Dictionary<string, string>
        {
            ["ArrearsInput.Party"] = "Woonstichting",
            ["ArrearsInput.PartyKind"] = nameof(ArrearsPartyKind.Landlord),
            ["ArrearsInput.Reference"] = $"H-{Guid.NewGuid():N}",
            ["ArrearsInput.Amount"] = "650",
            ["ArrearsInput.Months"] = "2",
            ["ArrearsInput.ReportedOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
    }

    [Fact]
    public async Task Recording_the_contact_after_an_early_signal_closes_its_signal_in_the_same_request()
    {
        ArrearsReport? report = null;
        var person = await PersonAsync("Contact", arrange: (db, n) => db.ArrearsReports.Add(report = new ArrearsReport(n,
            new ArrearsDetails("Vitens", ArrearsPartyKind.Water, $"V-{Guid.NewGuid():N}", 80m, 2, Today.AddDays(-2)), imported: false)));
        using var client = await SignedInAsync(Roles.CaseManager);

        await ClosesAsync(person, SignalKind.PaymentArrears, () => client.SubmitAsync(DebtsSetup.ArrearsReportPath(person, report!.Id), "uitkomst",
            new Dictionary<string, string> { ["Input.Outcome"] = nameof(ArrearsOutcome.ContactMade) }));
    }

    [Fact]
    public async Task Reading_an_arrears_file_raises_the_signal_of_that_person_in_the_same_request()
    {
        var bsn = NewBsn();
        var person = await PersonAsync("Inlezen", bsn: bsn);
        using var client = await SignedInAsync(Roles.CaseManager);
        var file = Encoding.UTF8.GetBytes($"bsn;melder;soort;kenmerk;bedrag;maanden;datum\r\n{bsn};Eneco;energie;E-{Guid.NewGuid():N};120,00;1;{Today.AddDays(-1):dd-MM-yyyy}\r\n");

        await RaisesAsync(person, SignalKind.PaymentArrears, () => client.SubmitFileAsync(DebtsSetup.ImportPath, "vroegsignalen", "Input.File",
            new ThuisClient.Upload("meldingen.csv", file)));
    }

    [Fact]
    public async Task Choosing_a_job_coach_tells_the_change_of_that_person()
    {
        var person = await PersonAsync("Jobcoach");
        using var client = await SignedInAsync(Roles.CaseManager);
        var path = WorkSetup.JobCoachPath(person);

        await ToldAsync(person, path, () => client.SubmitAsync(path, "jobcoach", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(JobCoachKind.Professional),
            ["Input.Name"] = "Ruud Werkcoach",
        }));
    }

    [Fact]
    public async Task Recording_a_bill_the_municipality_pays_tells_the_change_of_that_person()
    {
        var person = await PersonAsync("Ontzorgd");
        using var client = await SignedInAsync(Roles.CaseManager);
        var path = Thuis.Web.Features.Money.MoneySetup.NewCostPath(person);

        await ToldAsync(person, path, () => client.SubmitAsync(path, "vaste-last", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(Thuis.Web.Features.Money.FixedCostKind.Rent),
            ["Input.Payee"] = "Woonstichting",
            ["Input.AmountPerMonth"] = "600",
            ["Input.PaidFrom"] = Iso(Today),
        }));
    }

    [Fact]
    public async Task Saving_the_household_budget_tells_the_change_of_that_person()
    {
        var person = await PersonAsync("Huishoudboekje");
        using var client = await SignedInAsync(Roles.CaseManager);
        var path = Thuis.Web.Features.Money.MoneySetup.BudgetPath(person);

        await ToldAsync(person, path, () => client.SubmitAsync(path, "huishoudboekje", new Dictionary<string, string> { ["Input.Rows[0].PerMonth"] = "1200" }));
    }

    [Fact]
    public async Task Adding_an_intervention_to_a_draft_plan_tells_the_change_of_that_person()
    {
        var person = await PersonAsync("Interventiestap", arrange: (db, n) => db.IntegrationPlans.Add(Plan(n, fixedOn: null, (ParticipationDomain.Meeting, StepStatus.Planned))));
        var intervention = await Guide.AddOwnInterventionAsync(fixture.App, fixture.World.A, Guide.Details($"Samen wandelen {Guid.NewGuid().ToString("N")[..6]}", domain: ParticipationDomain.Meeting));
        var plan = await ReadAsync(fixture.World.A, db => db.IntegrationPlans.Where(p => p.NewcomerId == person).Select(p => p.Id).SingleAsync());
        using var client = await SignedInAsync(Roles.CaseManager);
        var path = $"/interventiewijzer/{intervention}/aan-plan";

        await ToldAsync(person, path, async () =>
        {
            var form = await client.GetAsync($"{path}?plan={plan}");
            return await client.PostFormAsync(form, "interventie-aan-plan", new Dictionary<string, string> { ["Input.Due"] = Iso(Today.AddDays(10)) });
        });
    }

    [Fact]
    public async Task Fixing_the_plan_closes_the_PIP_deadline_signal_in_the_same_request()
    {
        var person = await PersonAsync("Vaststelling", registered: new DateOnly(2026, 3, 1),
            arrange: (db, n) => db.IntegrationPlans.Add(Plan(n, fixedOn: null, (ParticipationDomain.Meeting, StepStatus.Planned))));
        using var client = await SignedInAsync(Roles.CaseManager);

        await ClosesAsync(person, SignalKind.PipDeadline, () =>
            client.SubmitAsync($"/dossiers/{person}/plan/vaststellen", "vaststellen", new Dictionary<string, string> { ["Input.DecisionDate"] = Iso(Today) }));
    }

    [Fact]
    public async Task Starting_a_step_closes_the_stagnation_signal_in_the_same_request()
    {
        var person = await PersonAsync("Stilstand",
            arrange: (db, n) => db.IntegrationPlans.Add(Plan(n, fixedOn: Today.AddDays(-42), (ParticipationDomain.SelfReliance, StepStatus.Planned))));
        using var client = await SignedInAsync(Roles.CaseManager);

        await ClosesAsync(person, SignalKind.Stagnation, () =>
            client.SubmitAsync($"/dossiers/{person}/plan/voortgang", "voortgang", new Dictionary<string, string> { ["Input.Steps[0].Status"] = nameof(StepStatus.Doing) }));
    }

    // --- Milestones ---

    [Fact]
    public async Task Recording_a_milestone_as_behind_raises_the_signal_in_the_same_request()
    {
        var person = await PersonAsync("Mijlpaal", housed: Today.AddDays(-30));
        using var client = await SignedInAsync(Roles.CaseManager);

        await RaisesAsync(person, SignalKind.MilestoneBehind, () => client.SubmitAsync($"/dossiers/{person}/mijlpalen/stand", "mijlpalen", new Dictionary<string, string>
        {
            ["Input.Integrate.State"] = nameof(MilestoneState.Behind),
            ["Input.Integrate.Note"] = "Wacht op kinderopvang.",
        }));
    }

    [Fact]
    public async Task Ticking_the_last_settling_item_closes_the_milestone_signal_in_the_same_request()
    {
        var person = await PersonAsync("Vestiging", housed: Today.AddMonths(-3).AddDays(-1), arrange: (db, n) =>
        {
            var checklist = new SettlingChecklist(n.Id, n.MunicipalityId);
            foreach (var item in SettlingItems.All.Where(i => i.Code != "bankrekening"))
            {
                checklist.Record(item.Code, item.Applies == SettlingApplies.Always ? SettlingItemStatus.Done : SettlingItemStatus.NotApplicable,
                    Today.AddDays(-10), item.Applies == SettlingApplies.Always ? null : "Geen kinderen", "test", Today);
            }
            db.SettlingChecklists.Add(checklist);
        });
        using var client = await SignedInAsync(Roles.CaseManager);
        var row = SettlingItems.All.ToList().FindIndex(i => i.Code == "bankrekening");

        await ClosesAsync(person, SignalKind.MilestoneBehind, () => client.SubmitAsync($"/dossiers/{person}/mijlpalen/vestigen", "vestigen", new Dictionary<string, string>
        {
            [$"Input.Items[{row}].Status"] = nameof(SettlingItemStatus.Done),
            [$"Input.Items[{row}].DoneOn"] = Iso(Today),
        }));
    }

    // --- Trajectories ---

    [Fact]
    public async Task Enrolling_in_a_PVT_group_closes_the_PVT_signal_in_the_same_request()
    {
        var person = await PersonAsync("Inschrijving", housed: Today.AddDays(-7));
        var group = await GroupAsync(CourseKind.Pvt);
        using var client = await SignedInAsync(Roles.CaseManager);

        await ClosesAsync(person, SignalKind.PvtStart, () => client.SubmitAsync($"/trajecten/{group}?zoek=Inschrijving", "inschrijven", new Dictionary<string, string>
        {
            ["Enrol.NewcomerId"] = person.ToString(),
            ["Enrol.Since"] = Iso(Today),
        }));
    }

    [Fact]
    public async Task Unenrolling_from_the_PVT_group_raises_the_PVT_signal_again_in_the_same_request()
    {
        var group = await GroupAsync(CourseKind.Pvt);
        var person = await PersonAsync("Uitschrijving", housed: Today.AddDays(-7), arrange: (db, n) => Enrol(db, group, n));
        using var client = await SignedInAsync(Roles.CaseManager);

        await RaisesAsync(person, SignalKind.PvtStart, () =>
            client.SubmitAsync($"/trajecten/{group}/deelnemers/{person}/uitschrijven", "uitschrijven", new Dictionary<string, string>()));
    }

    [Fact]
    public async Task Changing_a_PVT_group_into_a_language_course_raises_the_PVT_signal_of_its_people_in_the_same_request()
    {
        var group = await GroupAsync(CourseKind.Pvt);
        var person = await PersonAsync("Groepswijziging", housed: Today.AddDays(-7), arrange: (db, n) => Enrol(db, group, n));
        using var client = await SignedInAsync(Roles.Coordinator);

        await RaisesAsync(person, SignalKind.PvtStart, () =>
            client.SubmitAsync($"/trajecten/{group}/bewerken", "groep-wijzigen", new Dictionary<string, string> { ["Input.Kind"] = nameof(CourseKind.LanguageCourse) }));
    }

    [Fact]
    public async Task Recording_a_third_unexcused_absence_raises_the_attendance_signal_in_the_same_request()
    {
        var (group, sessions) = await LessonsAsync(-21, -14, -7, 0);
        var person = await PersonAsync("Afwezigheid", arrange: (db, n) =>
        {
            Enrol(db, group, n);
            Attend(db, sessions[0], n, Attendance.Present);
            Attend(db, sessions[1], n, Attendance.UnexcusedAbsence);
            Attend(db, sessions[2], n, Attendance.UnexcusedAbsence);
        });
        using var client = await SignedInAsync(Roles.CaseManager);

        await RaisesAsync(person, SignalKind.Attendance, () => client.SubmitAsync($"/trajecten/{group}/bijeenkomsten/{sessions[3]}", "aanwezigheid",
            new Dictionary<string, string> { ["Input.Rows[0].Value"] = nameof(Attendance.UnexcusedAbsence) }));
    }

    [Fact]
    public async Task Deleting_a_missed_lesson_closes_the_attendance_signal_of_its_people_in_the_same_request()
    {
        var (group, sessions) = await LessonsAsync(-28, -21, -14, -7);
        var person = await PersonAsync("Lesverwijdering", arrange: (db, n) =>
        {
            Enrol(db, group, n);
            Attend(db, sessions[0], n, Attendance.Present);
            Attend(db, sessions[1], n, Attendance.UnexcusedAbsence);
            Attend(db, sessions[2], n, Attendance.UnexcusedAbsence);
            Attend(db, sessions[3], n, Attendance.UnexcusedAbsence);
        });
        using var client = await SignedInAsync(Roles.Coordinator);

        await ClosesAsync(person, SignalKind.Attendance, () =>
            client.SubmitAsync($"/trajecten/{group}/bijeenkomsten/{sessions[3]}/verwijderen", "bijeenkomst-verwijderen", new Dictionary<string, string>()));
    }

    [Fact]
    public async Task Moving_a_missed_lesson_to_next_week_closes_the_attendance_signal_of_someone_no_longer_in_the_group_in_the_same_request()
    {
        // What someone attended stays recorded after they leave the group, and keeps counting for their signal.
        var (group, sessions) = await LessonsAsync(-28, -21, -14, -7);
        var person = await PersonAsync("Oudcursist", arrange: (db, n) =>
        {
            Attend(db, sessions[0], n, Attendance.Present);
            Attend(db, sessions[1], n, Attendance.UnexcusedAbsence);
            Attend(db, sessions[2], n, Attendance.UnexcusedAbsence);
            Attend(db, sessions[3], n, Attendance.UnexcusedAbsence);
        });
        using var client = await SignedInAsync(Roles.Coordinator);

        await ClosesAsync(person, SignalKind.Attendance, () => client.SubmitAsync($"/trajecten/{group}/bijeenkomsten/{sessions[3]}/bewerken", "bijeenkomst-wijzigen",
            new Dictionary<string, string> { ["Input.Date"] = Iso(Today.AddDays(7)) }));
    }

    // --- Referrals and matching ---

    [Fact]
    public async Task Referring_to_a_meeting_offer_closes_the_isolation_signal_in_the_same_request()
    {
        Guid proposal = default;
        var person = await PersonAsync("Ontmoeting", housed: Today.AddDays(-56), arrange: (db, n) => proposal = AnsweredYes(db, n).Proposal.Id);
        using var client = await SignedInAsync(Roles.CaseManager);

        await ClosesAsync(person, SignalKind.Isolation, () =>
            client.SubmitAsync($"/dossiers/{person}/voorstellen/{proposal}", "doorverwijzen", new Dictionary<string, string> { ["Refer.ContactNeeded"] = "false" }));
    }

    [Fact]
    public async Task The_partner_accepting_a_referral_closes_the_unanswered_signal_in_the_same_request()
    {
        Guid referral = default;
        var person = await PersonAsync("Verwijzing", arrange: (db, n) =>
        {
            var (proposal, consent) = AnsweredYes(db, n, Today.AddDays(-10));
            var sent = new Referral(proposal, consent, db.Organisations.Single(o => o.Id == fixture.World.A.PartnerOrganisationId), null, Today.AddDays(-10));
            sent.Send(Today.AddDays(-10));
            db.Referrals.Add(sent);
            referral = sent.Id;
        });
        using var partner = await SignedInAsync(Roles.PartnerWorker);

        await ClosesAsync(person, SignalKind.ReferralUnanswered, () => partner.SubmitAsync($"/verwijzingen/{referral}", "aannemen", new Dictionary<string, string>()));
    }

    [Fact]
    public async Task Proposing_something_tells_the_change_of_that_person()
    {
        var person = await PersonAsync("Voorstel");
        using var client = await SignedInAsync(Roles.CaseManager);

        await ToldAsync(person, $"/dossiers/{person}/voorstellen", () => client.SubmitAsync($"/dossiers/{person}/voorstellen", "voorstel", new Dictionary<string, string>
        {
            ["Input.What"] = "Meetrainen bij de atletiekclub",
            ["Input.OrganisationId"] = fixture.World.A.PartnerOrganisationId.ToString(),
            ["Input.Reasons"] = "Liep vroeger hard.",
        }));
    }

    [Fact]
    public async Task Recording_the_newcomers_answer_tells_the_change_of_that_person()
    {
        Guid proposal = default;
        var person = await PersonAsync("Antwoord", arrange: (db, n) =>
        {
            var pending = new Proposal(n, TargetKind.Other, null, "Taalcafé", fixture.World.A.PartnerOrganisationId, null, "test", Now, Today);
            db.Proposals.Add(pending);
            proposal = pending.Id;
        });
        using var client = await SignedInAsync(Roles.CaseManager);
        var url = $"/dossiers/{person}/voorstellen/{proposal}";

        await ToldAsync(person, url, () => client.SubmitAsync(url, "antwoord", new Dictionary<string, string> { ["Answer.Answer"] = nameof(NewcomerAnswer.Yes) }));
    }

    [Fact]
    public async Task Answering_a_proposal_in_the_own_Thuis_tells_the_change_of_that_person()
    {
        Guid proposal = default;
        var person = await PersonAsync("Eigen antwoord", arrange: (db, n) =>
        {
            var pending = new Proposal(n, TargetKind.Other, null, "Taalcafé", fixture.World.A.PartnerOrganisationId, null, "test", Now, Today);
            db.Proposals.Add(pending);
            proposal = pending.Id;
        });
        using var newcomer = new ThuisClient(fixture.App);
        await newcomer.SignInOrFailAsync(await fixture.World.CreateNewcomerUserAsync(fixture.World.A, person, "Test"));
        var url = $"/mijn/voorstellen/{proposal}";

        await ToldAsync(person, url, () => newcomer.SubmitAsync(url, "antwoord", new Dictionary<string, string>
        {
            ["Input.Answer"] = nameof(NewcomerAnswer.Yes),
            ["Input.Consent"] = "true",
        }));
    }

    [Fact]
    public async Task Recording_who_arranged_a_yes_without_a_partner_tells_the_change_of_that_person()
    {
        Guid proposal = default;
        var person = await PersonAsync("Geregeld", arrange: (db, n) =>
        {
            var yes = new Proposal(n, TargetKind.Other, null, "Koor in de buurt", null, null, "test", Now, Today);
            yes.RecordAnswer(NewcomerAnswer.Yes, Today, null);
            db.Proposals.Add(yes);
            proposal = yes.Id;
        });
        using var client = await SignedInAsync(Roles.CaseManager);
        var url = $"/dossiers/{person}/voorstellen/{proposal}";

        await ToldAsync(person, url, () => client.SubmitAsync(url, "geregeld", new Dictionary<string, string>
        {
            ["Arrangement.ArrangedBy"] = "de buurvrouw",
            ["Arrangement.StartedOn"] = "2026-11-20",
        }));
    }

    [Fact]
    public async Task Proposing_a_suggestion_tells_the_change_of_that_person()
    {
        var person = await PersonAsync("Suggestie");
        using var client = await SignedInAsync(Roles.CaseManager);
        var url = $"/dossiers/{person}/suggesties";

        await ToldAsync(person, url, () => client.SubmitAsync(url, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{fixture.World.A.OfferId}" }));
    }

    [Fact]
    public async Task A_cohort_run_tells_the_change_of_the_people_it_matched()
    {
        var person = await PersonAsync("Koppelronde");
        using var coordinator = await SignedInAsync(Roles.Coordinator);
        var form = await coordinator.GetAsync("/koppelen");
        var fields = form.Document.QuerySelectorAll("input[name^='Input.People']").Select(i => i.GetAttribute("name")!)
            .ToDictionary(name => name, name => name.Contains(person.ToString(), StringComparison.Ordinal) ? "true" : "false");
        fields["Input.Domain"] = nameof(ParticipationDomain.Meeting);

        await ToldAsync(person, "/koppelen", () => coordinator.PostFormAsync(form, "koppelronde", fields));
    }

    [Fact]
    public async Task Accepting_a_cohort_match_tells_the_change_of_that_person()
    {
        using var coordinator = await SignedInAsync(Roles.Coordinator);
        var url = $"/koppelen/{fixture.World.A.RunId}";
        var accept = (await coordinator.GetAsync(url)).Document.QuerySelectorAll("button[name='Input.Decision']")
            .Select(b => b.GetAttribute("value")!).First(v => v.StartsWith("accepteren:", StringComparison.Ordinal));

        await ToldAsync(fixture.World.A.NewcomerId, url, () => coordinator.SubmitAsync(url, "koppelbesluit", new Dictionary<string, string> { ["Input.Decision"] = accept }));
    }

    // --- The social map: the isolation rule reads which offers are about meeting people ---

    [Fact]
    public async Task Taking_an_offer_out_of_meeting_raises_the_isolation_signal_of_the_people_referred_to_it_in_the_same_request()
    {
        var offer = await OfferAsync($"Wandelclub {Guid.NewGuid():N}");
        var person = await PersonAsync("Wandelaar", housed: Today.AddDays(-56), arrange: (db, n) => Referred(db, n, offer));
        using var coordinator = await SignedInAsync(Roles.Coordinator);

        await RaisesAsync(person, SignalKind.Isolation, () => coordinator.SubmitAsync($"/sociale-kaart/aanbod/{offer}/bewerken", "aanbod-wijzigen", new Dictionary<string, string>
        {
            [$"Input.DomainChoices[{ParticipationDomain.Meeting}]"] = "false",
            [$"Input.DomainChoices[{ParticipationDomain.SelfReliance}]"] = "true",
        }));
    }

    [Fact]
    public async Task Importing_an_offer_out_of_meeting_raises_the_isolation_signal_of_the_people_referred_to_it_in_the_same_request()
    {
        var title = $"Fietsclub {Guid.NewGuid():N}";
        var offer = await OfferAsync(title);
        var person = await PersonAsync("Fietser", housed: Today.AddDays(-56), arrange: (db, n) => Referred(db, n, offer));
        using var coordinator = await SignedInAsync(Roles.Coordinator);
        var csv = "organisatie;titel;soort;domeinen\n" + $"VluchtelingenWerk {fixture.World.A.Name};{title};activiteit;{ParticipationDomain.SelfReliance.Dutch()}\n";

        await RaisesAsync(person, SignalKind.Isolation, () => coordinator.SubmitFileAsync("/sociale-kaart/importeren", "sociale-kaart-importeren", "Input.File",
            new ThuisClient.Upload("aanbod.csv", Encoding.UTF8.GetBytes(csv)), new Dictionary<string, string> { ["Input.Kind"] = "aanbod" }));
    }

    // --- Administration ---

    [Fact]
    public async Task Shortening_the_PIP_deadline_raises_the_signal_for_everyone_in_that_municipality_only()
    {
        var elsewhere = await fixture.World.AddMunicipalityAsync("Termijnstad");
        var registered = Today.AddDays(15 - 70);
        var here = await PersonAsync("Termijn", registered: registered, where: elsewhere);
        var there = await PersonAsync("Termijn elders", registered: registered);
        using var admin = await SignedInAsync(Roles.Administrator, elsewhere);

        await RaisesAsync(here, SignalKind.PipDeadline, () => admin.SubmitAsync("/beheer", "termijnen",
            new Dictionary<string, string> { ["DeadlinesInput.PipDeadlineWeeks"] = "8" }), elsewhere);
        Assert.DoesNotContain(await SignalsAsync(there), s => s.Kind == SignalKind.PipDeadline);
    }

    [Fact]
    public async Task Planning_an_activity_in_a_neighbourhood_closes_the_signal_of_its_new_people_in_the_same_request()
    {
        var person = await PersonAsync("Nieuwe buur", housed: Today.AddDays(-20), arrange: (db, n) =>
            n.UpdateLegalFrame(new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), Today.AddDays(-20),
                "Kerkstraat", "3", "7729 AB", "Dalfsen")));
        using var client = await SignedInAsync(Roles.VolunteerCoordinator);

        await ClosesAsync(person, SignalKind.QuietNeighbourhood, () => client.SubmitAsync(Thuis.Web.Features.Community.CommunitySetup.NewPath, "activiteit",
            new Dictionary<string, string>
            {
                ["Input.Kind"] = "NeighbourhoodMeeting",
                ["Input.Title"] = "Buurtavond",
                ["Input.OrganisationId"] = fixture.World.A.PartnerOrganisationId.ToString(),
                ["Input.Date"] = "2026-12-15",
                ["Input.Place"] = "Wijkcentrum",
                ["Input.PostcodeArea"] = "7729",
            }));
    }

    [Fact]
    public async Task Withdrawing_a_role_models_consent_tells_the_change_of_that_person()
    {
        Thuis.Web.Features.Community.RoleModelConsent? consent = null;
        var person = await PersonAsync("Rolmodel", arrange: (db, n) => db.RoleModelConsents.Add(consent =
            new Thuis.Web.Features.Community.RoleModelConsent(n, Today.AddDays(-10), null, ByWhom.Staff("test", Now))));
        using var client = await SignedInAsync(Roles.CaseManager);
        var path = Thuis.Web.Features.Community.CommunitySetup.WithdrawPath(consent!.Id);

        await ToldAsync(person, path, () => client.SubmitAsync(path, "toestemming-intrekken", new Dictionary<string, string>()));
    }

    // --- Arrange, act, read ---

    /// <summary>Checks the signal is not open before <paramref name="act"/> and open right after its one request.</summary>
    private async Task RaisesAsync(Guid person, SignalKind kind, Func<Task<ThuisClient.Page>> act, TestMunicipality? where = null)
    {
        Assert.DoesNotContain(await SignalsAsync(person, where), s => s.Kind == kind && s.IsOpen);
        AssertDone(await act());
        await AssertOpenAsync(person, kind, where);
    }

    /// <summary>Checks the signal is open before <paramref name="act"/> and closed today, its cause gone, right after its one request.</summary>
    private async Task ClosesAsync(Guid person, SignalKind kind, Func<Task<ThuisClient.Page>> act)
    {
        var open = Assert.Single(await SignalsAsync(person), s => s.Kind == kind && s.IsOpen);
        AssertDone(await act());
        var closed = (await SignalsAsync(person)).Single(s => s.Id == open.Id);
        Assert.Equal((SignalState.Closed, Today), (closed.State, closed.ClosedOn));
    }

    /// <summary>Checks that the one request to <paramref name="path"/> told the subscribers a change that names the person.</summary>
    private async Task ToldAsync(Guid person, string path, Func<Task<ThuisClient.Page>> act)
    {
        fixture.Changes.Clear();
        AssertDone(await act());
        var told = fixture.Changes.Told;
        Assert.True(told.Any(t => t.Request == $"POST {path}" && t.Change.People.Contains(person)),
            $"Geen wijziging voor {person} bij POST {path}; verteld: {string.Join("; ", told.Select(t => $"{t.Request} [{string.Join(", ", t.Change.People)}]"))}");
    }

    private async Task AssertOpenAsync(Guid person, SignalKind kind, TestMunicipality? where = null)
    {
        var signals = await SignalsAsync(person, where);
        var open = Assert.Single(signals, s => s.Kind == kind && s.IsOpen);
        Assert.Equal(Today, open.RaisedOn);
    }

    /// <summary>A redirect after the save, or the page again without a message beside a field or a refusal.</summary>
    private static void AssertDone(ThuisClient.Page page)
    {
        var message = page.Document.QuerySelector(".validation-message, .utrecht-alert--error, .thuis-alert--error")?.TextContent;
        Assert.True(page.Status == HttpStatusCode.Redirect || (page.Status == HttpStatusCode.OK && message is null),
            $"Het verzoek lukte niet: {page.Status} {page.Location} {message}");
    }

    private Task<List<Signal>> SignalsAsync(Guid person, TestMunicipality? where = null) =>
        ReadAsync(where ?? fixture.World.A, db => db.Signals.AsNoTracking().Where(s => s.NewcomerId == person).ToListAsync());

    private Task<T> ReadAsync<T>(TestMunicipality municipality, Func<AppDbContext, Task<T>> read) => Groups.ReadAsync(fixture.App, municipality, read);

    private async Task<ThuisClient> SignedInAsync(string role, TestMunicipality? where = null)
    {
        var client = new ThuisClient(fixture.App);
        await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(where ?? fixture.World.A, role));
        return client;
    }

    /// <summary>
    /// Someone in the municipality (A by default), registered and housed as given, with what <paramref name="arrange"/>
    /// adds saved in the same go as the system; that save brings their signals in line, so a test starts from what holds.
    /// </summary>
    private async Task<Guid> PersonAsync(string family, DateOnly? registered = null, DateOnly? housed = null, string? bsn = null,
        Action<AppDbContext, Newcomer>? arrange = null, TestMunicipality? where = null)
    {
        var municipality = where ?? fixture.World.A;
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = People.Newcomer(municipality.Id, "Test", family, new DateOnly(1990, 1, 1), bsn);
        newcomer.UpdateLegalFrame(new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2026, 1, 1), registered ?? new DateOnly(2026, 3, 1), housed,
            null, null, null, null));
        db.Newcomers.Add(newcomer);
        arrange?.Invoke(db, newcomer);
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    /// <summary>A plan with one step per given domain and status; fixed on the given day, or still a draft.</summary>
    private static IntegrationPlan Plan(Newcomer newcomer, DateOnly? fixedOn, params (ParticipationDomain Domain, StepStatus Status)[] steps)
    {
        var drawnUp = fixedOn ?? Today.AddDays(-3);
        var plan = IntegrationPlan.FirstDraft(newcomer, "test", Now);
        plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Participation, null, null, null, null, null, null, null, null, null, null),
            new Dictionary<ParticipationDomain, string>(),
            [.. steps.Select(s => new StepContent(null, s.Domain, "Een stap", StepOwner.Newcomer, null, Today.AddDays(30), true, null))], drawnUp);
        if (fixedOn is { } decided)
        {
            plan.Fix(decided, "test", Now);
            foreach (var (step, wanted) in plan.Steps.Zip(steps).Where(s => s.Second.Status != StepStatus.Planned))
            {
                plan.RecordProgress(step.Id, wanted.Status, null, decided);
            }
        }
        return plan;
    }

    /// <summary>A proposal of A's meeting offer the person said yes to, with their consent to refer.</summary>
    private (Proposal Proposal, Consent Consent) AnsweredYes(AppDbContext db, Newcomer newcomer, DateOnly? on = null)
    {
        var day = on ?? Today.AddDays(-1);
        var proposal = new Proposal(newcomer, TargetKind.Offer, fixture.World.A.OfferId, "Taalcafé", fixture.World.A.PartnerOrganisationId, null, "test", Now, day);
        proposal.RecordAnswer(NewcomerAnswer.Yes, day, null);
        db.Proposals.Add(proposal);
        var consent = new Consent(proposal, "Doorverwijzing naar het taalcafé", day, day.AddYears(1), "test");
        db.Consents.Add(consent);
        return (proposal, consent);
    }

    /// <summary>An activity of A's partner organisation about meeting people.</summary>
    private async Task<Guid> OfferAsync(string title)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var offer = new Offer(await db.Organisations.SingleAsync(o => o.Id == fixture.World.A.PartnerOrganisationId), new OfferDetails(OfferKind.Activity, title,
            null, null, WeekGrid.Empty, null, 0, null, CefrLevel.None, true, [ParticipationDomain.Meeting], [], []));
        db.Offers.Add(offer);
        await db.SaveChangesAsync();
        return offer.Id;
    }

    /// <summary>A referral to the offer, sent to the partner yesterday with the person's yes.</summary>
    private void Referred(AppDbContext db, Newcomer newcomer, Guid offerId)
    {
        var yesterday = Today.AddDays(-1);
        var proposal = new Proposal(newcomer, TargetKind.Offer, offerId, "Een activiteit", fixture.World.A.PartnerOrganisationId, null, "test", Now, yesterday);
        proposal.RecordAnswer(NewcomerAnswer.Yes, yesterday, null);
        var consent = new Consent(proposal, "Doorverwijzing", yesterday, yesterday.AddYears(1), "test");
        var referral = new Referral(proposal, consent, db.Organisations.Single(o => o.Id == fixture.World.A.PartnerOrganisationId), null, yesterday);
        referral.Send(yesterday);
        db.AddRange(proposal, consent, referral);
    }

    private async Task<Guid> GroupAsync(CourseKind kind)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var group = new CourseGroup(fixture.World.A.Id, new CourseGroupDetails(kind, $"Groep {Guid.NewGuid():N}", "Taalschool", null, Today.AddDays(-30), null));
        db.CourseGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    }

    /// <summary>A language course of A with a lesson on each given day (relative to today), nobody in it yet.</summary>
    private async Task<(Guid Group, Guid[] Sessions)> LessonsAsync(params int[] days)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var group = new CourseGroup(fixture.World.A.Id, new CourseGroupDetails(CourseKind.LanguageCourse, $"Les {Guid.NewGuid():N}", null, null, Today.AddDays(days.Min()), null));
        db.CourseGroups.Add(group);
        var sessions = days.Select(d => new Session(group, new SessionDetails(Today.AddDays(d), new TimeOnly(9, 0), new TimeOnly(11, 0), SessionKind.LanguageLesson, null, null))).ToArray();
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync();
        return (group.Id, [.. sessions.Select(s => s.Id)]);
    }

    private static void Enrol(AppDbContext db, Guid groupId, Newcomer newcomer)
    {
        var group = db.CourseGroups.Single(g => g.Id == groupId);
        db.Enrolments.Add(new Enrolment(group, newcomer.Id, newcomer.MunicipalityId, Today.AddDays(-30), "test", Now));
    }

    private static void Attend(AppDbContext db, Guid sessionId, Newcomer newcomer, Attendance value) =>
        db.AttendanceRecords.Add(new AttendanceRecord(db.Sessions.Single(s => s.Id == sessionId), newcomer.Id, value, "test", Now));

    /// <summary>Confirms the transfer of the person to Zoetermeer and downloads the file: the dossier in A is moved.</summary>
    private static async Task<(ThuisClient.Page Page, byte[] File)> ExportAsync(ThuisClient client, Guid person)
    {
        var form = await client.GetAsync($"/dossiers/{person}/overdragen");
        var zoetermeer = form.Document.QuerySelectorAll("select[name='Input.To'] option").Single(o => o.TextContent == "Zoetermeer").GetAttribute("value")!;
        var confirmation = await client.PostFormAsync(form, "overdragen", new Dictionary<string, string>
        {
            ["Input.To"] = zoetermeer,
            ["Input.MovingDate"] = Iso(Today),
            ["Input.Reason"] = "Woning gevonden dichter bij familie",
        });
        var confirm = confirmation.Document.Forms.Single(f => f.Action.EndsWith("/overdragen/bestand", StringComparison.Ordinal));
        var fields = confirm.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.Http.PostAsync(confirm.GetAttribute("action"), content);
        var file = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"De overdracht gaf {response.StatusCode}");
        return (new ThuisClient.Page(response.StatusCode, null, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(""), response), file);
    }

    private static Guid IdIn(string? location)
    {
        Assert.StartsWith("/dossiers/", location, StringComparison.Ordinal);
        return Guid.Parse(location!["/dossiers/".Length..].Split('?')[0]);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int _nextBsn = 7000;

    /// <summary>A BSN no other test uses: eight digits and the check digit that passes the 11-proef.</summary>
    private static string NewBsn()
    {
        while (true)
        {
            var stem = $"9997{Interlocked.Increment(ref _nextBsn):D4}";
            var sum = stem.Select((c, i) => (c - '0') * (9 - i)).Sum();
            if (sum % 11 <= 9)
            {
                return stem + (sum % 11);
            }
        }
    }

    /// <summary>One app on a fake clock for all scenarios, with every told data change kept.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public Fixture() =>
            App = new ThuisAppFactory
            {
                ConfigureTestServices = services =>
                {
                    services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
                    Changes.AddTo(services);
                },
            };

        public ThuisAppFactory App { get; }

        public ChangeLog Changes { get; } = new();

        public TestWorld World { get; private set; } = default!;

        public async ValueTask InitializeAsync()
        {
            App.StartServer();
            World = await TestWorld.SeedAsync(App);
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
