using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Platform.Changes;

namespace Thuis.Web.Features.Signals;

/// <summary>
/// A municipality's thresholds for its signal rules. A municipality without a row uses the defaults, so the rules
/// work from the first day and a municipality only keeps what it changed.
/// </summary>
public sealed class SignalSettings : IMunicipalitySetting
{
    private SignalSettings() { }

    public SignalSettings(Guid municipalityId) => MunicipalityId = municipalityId;

    public Guid MunicipalityId { get; private set; }

    Guid IMunicipalitySetting.SettingOfMunicipality => MunicipalityId;

    /// <summary>Days before a deadline (PIP, PVT start, progress meeting) that a signal is raised.</summary>
    public int DeadlineWarningDays { get; private set; } = 14;

    /// <summary>Unexcused absences within <see cref="AttendanceWindow"/> that raise a signal.</summary>
    public int AttendanceAbsences { get; private set; } = 3;

    /// <summary>The number of most recent sessions looked at for attendance.</summary>
    public int AttendanceWindow { get; private set; } = 4;

    /// <summary>Weeks without a plan step started or done before a plan counts as stalled.</summary>
    public int StagnationWeeks { get; private set; } = 6;

    /// <summary>Weeks after housing without anything in "ontmoeten" before isolation is signalled.</summary>
    public int IsolationWeeks { get; private set; } = 8;

    /// <summary>More active steps and activities at once than this is too much.</summary>
    public int OverAskedActivities { get; private set; } = 6;

    /// <summary>Days a sent referral may wait for the partner's answer.</summary>
    public int ReferralAnswerDays { get; private set; } = 10;

    /// <summary>Days after a signal was resolved in which the same cause does not raise a new one.</summary>
    public int QuietDaysAfterResolve { get; private set; } = 14;

    /// <summary>
    /// Days after housing (or registration, for someone not housed yet) by which the first invitation to the broad intake
    /// should have gone out. The law sets no number; this is the municipality's own practice.
    /// </summary>
    public int IntakeInviteDays { get; private set; } = DefaultIntakeInviteDays;

    public const int DefaultIntakeInviteDays = 14;

    /// <summary>
    /// Days after an early signal of payment arrears (vroegsignalering) by which the case manager should have made
    /// contact. The Wgs (art. 4a) asks the municipality to offer a first conversation after such a signal but sets no
    /// number of days (art. 3 gives four weeks after a request for help, three working days for a threatened eviction
    /// or cut-off); this is the municipality's own practice.
    /// </summary>
    public int ArrearsContactDays { get; private set; } = DefaultArrearsContactDays;

    public const int DefaultArrearsContactDays = 14;

    /// <summary>
    /// Months a neighbourhood that receives new people may go without a draagvlak activity (a role-model presentation, a
    /// neighbourhood meeting) before it is signalled; also how recently someone must be housed there to count as new.
    /// </summary>
    public int QuietNeighbourhoodMonths { get; private set; } = DefaultQuietNeighbourhoodMonths;

    public const int DefaultQuietNeighbourhoodMonths = 6;

    /// <summary>Weeks without a logged meeting after which a volunteer and the person they are matched with have gone quiet.</summary>
    public int MatchQuietWeeks { get; private set; } = DefaultMatchQuietWeeks;

    public const int DefaultMatchQuietWeeks = 4;

    /// <summary>
    /// Months a volunteer's VOG (Verklaring Omtrent het Gedrag) counts from its date. No law sets a term for volunteers;
    /// this is the organisation's own practice, often a new VOG every three years.
    /// </summary>
    public int VogValidMonths { get; private set; } = DefaultVogValidMonths;

    public const int DefaultVogValidMonths = 36;

    /// <summary>Changes with every save, so a form based on older thresholds is refused; empty until first saved.</summary>
    public Guid Version { get; private set; }

    /// <summary>The thresholds of the volunteers' own view: when a match has gone quiet, and how long a VOG counts.</summary>
    public void ChangeVolunteering(int matchQuietWeeks, int vogValidMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(matchQuietWeeks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(vogValidMonths, 1);
        (MatchQuietWeeks, VogValidMonths) = (matchQuietWeeks, vogValidMonths);
        Version = Guid.NewGuid();
    }

    public static SignalSettings Defaults(Guid municipalityId) => new(municipalityId);

    public void Change(int deadlineWarningDays, int attendanceAbsences, int attendanceWindow, int stagnationWeeks, int isolationWeeks,
        int overAskedActivities, int referralAnswerDays, int quietDaysAfterResolve, int intakeInviteDays = DefaultIntakeInviteDays,
        int arrearsContactDays = DefaultArrearsContactDays, int quietNeighbourhoodMonths = DefaultQuietNeighbourhoodMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(deadlineWarningDays, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(attendanceAbsences, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(attendanceWindow, attendanceAbsences);
        ArgumentOutOfRangeException.ThrowIfLessThan(stagnationWeeks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(isolationWeeks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(overAskedActivities, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(referralAnswerDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(quietDaysAfterResolve, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(intakeInviteDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(arrearsContactDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(quietNeighbourhoodMonths, 1);
        QuietNeighbourhoodMonths = quietNeighbourhoodMonths;
        ArrearsContactDays = arrearsContactDays;
        (DeadlineWarningDays, AttendanceAbsences, AttendanceWindow, StagnationWeeks, IsolationWeeks) =
            (deadlineWarningDays, attendanceAbsences, attendanceWindow, stagnationWeeks, isolationWeeks);
        (OverAskedActivities, ReferralAnswerDays, QuietDaysAfterResolve, IntakeInviteDays) =
            (overAskedActivities, referralAnswerDays, quietDaysAfterResolve, intakeInviteDays);
        Version = Guid.NewGuid();
    }
}

internal sealed class SignalSettingsMapping : IEntityTypeConfiguration<SignalSettings>
{
    public void Configure(EntityTypeBuilder<SignalSettings> builder)
    {
        builder.HasKey(s => s.MunicipalityId);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.IntakeInviteDays).HasDefaultValue(SignalSettings.DefaultIntakeInviteDays);
        builder.Property(s => s.ArrearsContactDays).HasDefaultValue(SignalSettings.DefaultArrearsContactDays);
        builder.Property(s => s.QuietNeighbourhoodMonths).HasDefaultValue(SignalSettings.DefaultQuietNeighbourhoodMonths);
        builder.Property(s => s.MatchQuietWeeks).HasDefaultValue(SignalSettings.DefaultMatchQuietWeeks);
        builder.Property(s => s.VogValidMonths).HasDefaultValue(SignalSettings.DefaultVogValidMonths);
        builder.HasOne<Municipality>().WithOne().HasForeignKey<SignalSettings>(s => s.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}
