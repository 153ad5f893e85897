using Thuis.Web.Features.Intake;

namespace Thuis.Web.Tests;

public sealed class IntakeRulesTests
{
    private static InvitationsSection WithNoShows(int count)
    {
        var section = new InvitationsSection(Guid.NewGuid(), Guid.NewGuid());
        section.Update(Enumerable.Range(0, count).Select(i => new Invitation { Date = new DateOnly(2026, 1, 1).AddDays(14 * i), Outcome = InvitationOutcome.NoShow })
            .Append(new Invitation { Date = new DateOnly(2026, 6, 1), Outcome = InvitationOutcome.Planned }));
        return section;
    }

    [Theory]
    [InlineData(0, "Geen verzuim.", 0)]
    [InlineData(1, "Tweede uitnodiging sturen, met een waarschuwing.", 0)]
    [InlineData(2, "Boete van € 250 opleggen en een derde uitnodiging sturen.", 250)]
    [InlineData(3, "Nogmaals een boete van € 250; het PIP wordt zonder gesprek vastgesteld.", 500)]
    [InlineData(4, "Nogmaals een boete van € 250; het PIP wordt zonder gesprek vastgesteld.", 500)]
    public void Missed_intake_invitations_escalate_as_the_law_prescribes(int noShows, string nextStep, decimal fines)
    {
        var section = WithNoShows(noShows);

        Assert.Equal(noShows, section.NoShows);
        Assert.Equal(nextStep, section.NextStep);
        Assert.Equal(fines, section.FinesDue);
    }

    [Theory]
    [InlineData("NoShow,NoShow,Attended", 0, "Verschenen op 29 januari 2026: de intake heeft plaatsgevonden, er volgt geen verzuimstap meer.", 250)]
    [InlineData("NoShow,Attended", 0, "Verschenen op 15 januari 2026: de intake heeft plaatsgevonden, er volgt geen verzuimstap meer.", 0)]
    [InlineData("NoShow,Attended,NoShow", 1, "Tweede uitnodiging sturen, met een waarschuwing.", 0)]
    [InlineData("NoShow,NoShow,Attended,NoShow,NoShow", 2, "Boete van € 250 opleggen en een derde uitnodiging sturen.", 500)]
    [InlineData("Rescheduled,NoShow,Planned", 1, "Tweede uitnodiging sturen, met een waarschuwing.", 0)]
    public void An_attended_invitation_ends_the_escalation_and_fines_already_incurred_stay_due(string outcomes, int noShows, string nextStep, decimal fines)
    {
        var section = new InvitationsSection(Guid.NewGuid(), Guid.NewGuid());
        section.Update(outcomes.Split(',').Select((o, i) => new Invitation { Date = new DateOnly(2026, 1, 1).AddDays(14 * i), Outcome = Enum.Parse<InvitationOutcome>(o) }));

        Assert.Equal((noShows, nextStep, fines), (section.NoShows, section.NextStep, section.FinesDue));
    }

    [Fact]
    public void A_language_listed_twice_is_refused_and_empty_rows_are_dropped()
    {
        var section = new LanguagesSection(Guid.NewGuid(), Guid.NewGuid());

        section.Update([new LanguageSkill { Language = "Arabisch", Speaking = CefrLevel.C2 }, new LanguageSkill { Language = "" }], Literacy.Literate);
        Assert.Single(section.Languages);

        var refused = Assert.Throws<ArgumentException>(() => section.Update(
            [new LanguageSkill { Language = "Arabisch" }, new LanguageSkill { Language = "arabisch " }], Literacy.Literate));
        Assert.StartsWith("De taal Arabisch staat er twee keer in.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Debt_details_are_only_kept_when_there_are_debts()
    {
        var section = new FinancesSection(Guid.NewGuid(), Guid.NewGuid());

        section.Update(IncomeSource.Benefit, hasDebts: false, debtAmount: 1200m, creditors: "zorgverzekeraar", DebtHelp.Referred, hasBankAccount: true, ontzorgenInPlace: true);

        Assert.Null(section.DebtAmount);
        Assert.Null(section.Creditors);
        Assert.Equal(DebtHelp.NotNeeded, section.DebtHelp);
    }
}
