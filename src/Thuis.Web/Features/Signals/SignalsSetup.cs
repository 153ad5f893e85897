namespace Thuis.Web.Features.Signals;

public static class SignalsSetup
{
    public static void AddSignals(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ISignalRule, PipDeadlineRule>();
        builder.Services.AddScoped<ISignalRule, PvtStartRule>();
        builder.Services.AddScoped<ISignalRule, ProgressMeetingRule>();
        builder.Services.AddScoped<ISignalRule, IntegrationTermRule>();
        builder.Services.AddScoped<ISignalRule, AttendanceRule>();
        builder.Services.AddScoped<ISignalRule, StagnationRule>();
        builder.Services.AddScoped<ISignalRule, StepConcernRule>();
        builder.Services.AddScoped<ISignalRule, ConsentWithdrawnRule>();
        builder.Services.AddScoped<ISignalRule, ActivityFeedbackRule>();
        builder.Services.AddScoped<ISignalRule, CorrectionAskedRule>();
        builder.Services.AddScoped<ISignalRule, IsolationRule>();
        builder.Services.AddScoped<ISignalRule, OverAskedRule>();
        builder.Services.AddScoped<ISignalRule, ReferralUnansweredRule>();
        builder.Services.AddScoped<ISignalRule, DebtsWithoutHelpRule>();
        builder.Services.AddScoped<ISignalRule, OntzorgenHandBackRule>();
        builder.Services.AddScoped<ISignalRule, OntzorgenBelowLawRule>();
        builder.Services.AddScoped<ISignalRule, Debts.ArrearsReportRule>();
        builder.Services.AddScoped<ISignalRule, Community.QuietNeighbourhoodRule>();
        builder.Services.AddScoped<ISignalRule, NotNowEndedRule>();
        builder.Services.AddScoped<ISignalRule, IntakeInvitationRule>();
        builder.Services.AddScoped<ISignalRule, MilestoneBehindRule>();
        builder.Services.AddScoped<EvaluateSignals>();
        builder.Services.AddScoped<Platform.Changes.IDataChangeSubscriber, SignalsFollowChanges>();
        builder.Services.AddScoped<ListSignals>();
        builder.Services.AddScoped<HandleSignal>();
        builder.Services.AddScoped<ChangeSignalSettings>();
        builder.Services.AddHostedService<SignalEvaluationService>();
    }
}
