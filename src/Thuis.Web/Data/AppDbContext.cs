using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Debts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Features.Matching;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Money;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Retention;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Features.Transfers;
using Thuis.Web.Features.Users;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Health;
using Thuis.Web.Platform.Security;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Data;

/// <summary>
/// The one database of Thuis and its repository. Every entity that holds people's data is
/// filtered to the current user's municipality, writes across municipalities are refused, and
/// every change of such data lands in the audit trail in the same save. After the commit, whatever follows people's
/// data (signals, reports) is told whom the save concerned (<see cref="IDataChangeSubscriber"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options, CurrentUser currentUser, TimeProvider clock, DataChangeNotifier notifier, AuditKey auditKey)
    : IdentityDbContext<ThuisUser>(options), IDataProtectionKeyContext
{
    // Changes saved inside an explicit transaction, told when it commits.
    private readonly List<DataChange> _untold = [];
    private bool _inAllOrNothing;

    public const string DefaultPurpose = "Uitvoering Wet inburgering 2021";

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<Newcomer> Newcomers => Set<Newcomer>();
    public DbSet<IntegrationPlan> IntegrationPlans => Set<IntegrationPlan>();
    public DbSet<PlanGoal> PlanGoals => Set<PlanGoal>();
    public DbSet<PlanStep> PlanSteps => Set<PlanStep>();
    public DbSet<TermChange> TermChanges => Set<TermChange>();
    public DbSet<SettlingChecklist> SettlingChecklists => Set<SettlingChecklist>();
    public DbSet<Cv> Cvs => Set<Cv>();
    public DbSet<JobApplication> JobApplications => Set<JobApplication>();
    public DbSet<JobCoach> JobCoaches => Set<JobCoach>();
    public DbSet<OntzorgenCost> OntzorgenCosts => Set<OntzorgenCost>();
    public DbSet<HouseholdBudget> HouseholdBudgets => Set<HouseholdBudget>();
    public DbSet<Debt> Debts => Set<Debt>();
    public DbSet<ArrearsReport> ArrearsReports => Set<ArrearsReport>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<CourseGroup> CourseGroups => Set<CourseGroup>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<AttendanceRecord> AttendanceRecords => Set<AttendanceRecord>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<CohortRun> CohortRuns => Set<CohortRun>();
    public DbSet<CohortMatch> CohortMatches => Set<CohortMatch>();
    public DbSet<Intervention> Interventions => Set<Intervention>();
    public DbSet<InterventionAvailability> InterventionAvailabilities => Set<InterventionAvailability>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<Signal> Signals => Set<Signal>();
    public DbSet<OwnAccessInvitation> OwnAccessInvitations => Set<OwnAccessInvitation>();
    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();
    public DbSet<ActivityFeedback> ActivityFeedbacks => Set<ActivityFeedback>();
    public DbSet<CorrectionRequest> CorrectionRequests => Set<CorrectionRequest>();
    public DbSet<SignalSettings> SignalSettings => Set<SignalSettings>();
    public DbSet<Features.Costs.Budget> Budgets => Set<Features.Costs.Budget>();
    public DbSet<Features.Community.CommunityActivity> CommunityActivities => Set<Features.Community.CommunityActivity>();
    public DbSet<Features.Community.ActivityRoleModel> ActivityRoleModels => Set<Features.Community.ActivityRoleModel>();
    public DbSet<Features.Community.ActivityVolunteer> ActivityVolunteers => Set<Features.Community.ActivityVolunteer>();
    public DbSet<Features.Community.RoleModelConsent> RoleModelConsents => Set<Features.Community.RoleModelConsent>();
    public DbSet<Features.Volunteering.VolunteerMeeting> VolunteerMeetings => Set<Features.Volunteering.VolunteerMeeting>();
    public DbSet<Features.Volunteering.VolunteerConcern> VolunteerConcerns => Set<Features.Volunteering.VolunteerConcern>();
    public DbSet<Features.Volunteering.MatchEnding> MatchEndings => Set<Features.Volunteering.MatchEnding>();
    public DbSet<Features.PartnerApi.PartnerApiKey> PartnerApiKeys => Set<Features.PartnerApi.PartnerApiKey>();
    public DbSet<Platform.Jobs.JobLease> JobLeases => Set<Platform.Jobs.JobLease>();
    /// <summary>The Data Protection key ring, when kept in the database (<see cref="Platform.Security.KeyRing"/>); each key sealed.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Erasure> Erasures => Set<Erasure>();
    internal DbSet<ReadinessProbe> ReadinessProbes => Set<ReadinessProbe>();

    /// <summary>Why the data is being processed, recorded with every change in this unit of work.</summary>
    public string AuditPurpose { get; set; } = DefaultPurpose;

    // Read by the query filters on every query; EF Core parameterises it per context instance.
    internal Guid CurrentMunicipalityId => currentUser.MunicipalityId ?? Guid.Empty;

    /// <summary>
    /// Adds an audit entry for something other than a change, such as viewing a dossier. Give the person whose dossier it
    /// is about, when it is someone's: that person sees the entry in their own Thuis. Details name what was done (fields,
    /// search criteria), never values of people's data.
    /// </summary>
    public void RecordAudit(AuditAction action, string objectType, string objectId, AuditResult result, string purpose, Guid? personId = null,
        string? details = null)
    {
        var municipalityId = currentUser.MunicipalityId
            ?? throw new InvalidOperationException("Zonder gemeente kan niets worden vastgelegd in de audittrail.");
        AuditEntries.Add(new AuditEntry(municipalityId, clock.GetUtcNow(), currentUser.ActorId, currentUser.RoleNames,
            action, objectType, objectId, result, currentUser.Origin, purpose, details, personId));
    }

    /// <summary>
    /// Thuis saves asynchronously, through <see cref="SaveChangesAsync(bool, CancellationToken)"/> with its audit and
    /// signals. The one synchronous save is Data Protection's, storing a new key of the ring (no one's data).
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).All(e => e.Entity is DataProtectionKey)
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Thuis slaat altijd asynchroon op (SaveChangesAsync).");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RemoveNulCharacters();
        var changeEntries = AuditChangesOfPeoplesData();
        changeEntries.AddRange(await AuditChangesOfAccountsAsync(cancellationToken));
        int saved;
        DataChange? change;
        try
        {
            // Read before the save: a deleted course group's people can no longer be found after it.
            change = await DataChangeOfThisSaveAsync(cancellationToken);
            saved = await SaveLinkedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            // A failed save may be retried; its change entries are made again then.
            foreach (var entry in changeEntries)
            {
                Entry(entry).State = EntityState.Detached;
            }
            throw;
        }
        if (change is not null)
        {
            _untold.Add(change);
        }
        if (Database.CurrentTransaction is null)
        {
            await TellCommittedChangesAsync(cancellationToken);
        }
        return saved;
    }

    /// <summary>
    /// Saves with the audit entries linked to the end of their municipality's chain. Another node on the same database
    /// may append to that chain between reading its end and this save: the unique (municipality, sequence) index then
    /// refuses this one as a whole, and it is linked again from the new end and saved again.
    /// </summary>
    private async Task<int> SaveLinkedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using (await AuditChain.LinkPendingAsync(this, auditKey, cancellationToken))
            {
                try
                {
                    return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
                catch (DbUpdateException exception) when (attempt < AuditChain.Attempts && Database.CurrentTransaction is null && AuditChain.IsForkRefused(exception))
                {
                    // Linked again on the next attempt.
                }
            }
        }
    }

    /// <summary>
    /// PostgreSQL cannot store the character U+0000 in text, and nobody means one: it is taken out of every text before
    /// a save, on both databases alike, so a pasted or forged value is saved instead of ending in an error.
    /// </summary>
    private void RemoveNulCharacters()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && text.Contains('\0', StringComparison.Ordinal))
                {
                    property.CurrentValue = text.Replace("\0", "", StringComparison.Ordinal);
                }
            }
        }
    }

    /// <summary>
    /// Several saves that stand or fall together: <paramref name="work"/> says whether to commit. What they changed is
    /// told once, after the commit. The one way Thuis uses an explicit transaction for people's data.
    /// </summary>
    public async Task<T> AllOrNothingAsync<T>(Func<Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken)
    {
        (T Result, bool Commit) outcome;
        await using (var transaction = await Database.BeginTransactionAsync(cancellationToken))
        {
            _inAllOrNothing = true;
            try
            {
                outcome = await work();
                if (outcome.Commit)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken);
                }
            }
            finally
            {
                _inAllOrNothing = false;
            }
        }
        if (outcome.Commit)
        {
            await TellCommittedChangesAsync(cancellationToken);
        }
        else
        {
            ForgetUncommittedChanges();
        }
        return outcome.Result;
    }

    // A transaction committed by hand would leave its changes untold: only AllOrNothingAsync commits people's data.
    internal bool CommitsWithoutTelling => _untold.Count > 0 && !_inAllOrNothing;

    /// <summary>Tells the subscribers what was committed; a subscriber's own saves are told in turn.</summary>
    private async Task TellCommittedChangesAsync(CancellationToken cancellationToken)
    {
        var changes = _untold.ToList();
        _untold.Clear();
        await notifier.NotifyAsync(changes, cancellationToken);
    }

    internal void ForgetUncommittedChanges() => _untold.Clear();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(DataChangeTransactionInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes()
            .Where(t => typeof(IMunicipalityOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            builder.Entity(entityType.ClrType).HasQueryFilter(MunicipalityFilter(entityType.ClrType));
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    private LambdaExpression MunicipalityFilter(Type entityType)
    {
        // e => e.MunicipalityId == this.CurrentMunicipalityId
        var entity = Expression.Parameter(entityType, "e");
        var owner = Expression.Property(entity, nameof(IMunicipalityOwned.MunicipalityId));
        var current = Expression.Property(Expression.Constant(this, typeof(AppDbContext)), nameof(CurrentMunicipalityId));
        return Expression.Lambda(Expression.Equal(owner, current), entity);
    }

    private List<AuditEntry> AuditChangesOfPeoplesData()
    {
        var made = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("De audittrail kan alleen worden aangevuld, niet gewijzigd.");
                }
                continue;
            }
            if (entry.Entity is not IMunicipalityOwned owned
                || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            GuardMunicipality(entry, owned);
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            var changedFields = entry.State == EntityState.Modified
                ? string.Join(", ", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                : null;
            var auditEntry = new AuditEntry(owned.MunicipalityId, clock.GetUtcNow(), currentUser.ActorId, currentUser.RoleNames,
                action, entry.Metadata.ClrType.Name, KeyOf(entry), AuditResult.Success, currentUser.Origin, AuditPurpose,
                changedFields is null ? null : $"Gewijzigd: {changedFields}",
                entry.Entity is IPersonData data ? data.NewcomerId : null);
            AuditEntries.Add(auditEntry);
            made.Add(auditEntry);
        }
        return made;
    }

    /// <summary>Why an account's change is processed, recorded with it.</summary>
    public const string AccountPurpose = "Beheer van accounts en toegang";

    // What changes with every sign-in or check of the session, not what anyone decided: not worth a line in the trail.
    private static readonly HashSet<string> RoutineAccountFields =
    [
        nameof(ThuisUser.SecurityStamp), nameof(ThuisUser.ConcurrencyStamp), nameof(ThuisUser.AccessFailedCount),
        nameof(ThuisUser.LockoutEnd), nameof(ThuisUser.LastSignInAt), nameof(ThuisUser.OwnLanguage), nameof(ThuisUser.Version),
        nameof(ThuisUser.NormalizedEmail), nameof(ThuisUser.NormalizedUserName),
    ];

    /// <summary>
    /// Audits every change to an account, its roles, its code app and recovery codes and its passkeys, in the account's
    /// own municipality and under the account's id: who was invited, got another role, was deactivated, had two-step
    /// verification reset or set a new password. Field names only, never a password, hash, key or token. Accounts are
    /// found before anyone is signed in (sign-in, activation), so they have no query filter; a signed-in user may
    /// change only accounts of their own municipality.
    /// </summary>
    private async Task<List<AuditEntry>> AuditChangesOfAccountsAsync(CancellationToken cancellationToken)
    {
        var changes = new List<(string UserId, AuditAction Action, string? Details)>();
        var roleIds = new HashSet<string>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case ThuisUser user when entry.State == EntityState.Modified:
                    // Identity's store marks every field modified at each update: what counts is what differs.
                    var fields = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                            && !RoutineAccountFields.Contains(p.Metadata.Name))
                        .Select(p => p.Metadata.Name).ToList();
                    if (fields.Count > 0)
                    {
                        changes.Add((user.Id, AuditAction.Update, $"Gewijzigd: {string.Join(", ", fields)}"));
                    }
                    break;
                case ThuisUser user:
                    changes.Add((user.Id, entry.State == EntityState.Added ? AuditAction.Create : AuditAction.Delete, null));
                    break;
                case IdentityUserRole<string> role when entry.State != EntityState.Modified:
                    roleIds.Add(role.RoleId);
                    changes.Add((role.UserId, AuditAction.Update, $"{(entry.State == EntityState.Added ? "Rol gegeven" : "Rol ontnomen")}: {role.RoleId}"));
                    break;
                case IdentityUserToken<string> token when token.LoginProvider != SingleUseAuthenticatorTokenProvider.Store:
                    changes.Add((token.UserId, AuditAction.Update, $"{(entry.State == EntityState.Deleted ? "Verwijderd" : "Gewijzigd")}: {token.Name}"));
                    break;
                case IdentityUserPasskey<string> passkey when entry.State != EntityState.Modified:
                    changes.Add((passkey.UserId, AuditAction.Update, entry.State == EntityState.Added ? "Passkey toegevoegd" : "Passkey verwijderd"));
                    break;
                case IdentityUserLogin<string> login when entry.State != EntityState.Modified:
                    changes.Add((login.UserId, AuditAction.Update, $"{(entry.State == EntityState.Added ? "Inlogmethode gekoppeld" : "Inlogmethode ontkoppeld")}: {login.LoginProvider}"));
                    break;
            }
        }
        if (changes.Count == 0)
        {
            return [];
        }

        var userIds = changes.Select(c => c.UserId).ToHashSet();
        var municipalities = ChangeTracker.Entries<ThuisUser>().Where(e => userIds.Contains(e.Entity.Id))
            .ToDictionary(e => e.Entity.Id, e => (Current: e.Entity.MunicipalityId, Original: e.Property(u => u.MunicipalityId).OriginalValue));
        var untracked = userIds.Where(id => !municipalities.ContainsKey(id)).ToList();
        if (untracked.Count > 0)
        {
            foreach (var account in await Users.AsNoTracking().Where(u => untracked.Contains(u.Id))
                .Select(u => new { u.Id, u.MunicipalityId }).ToListAsync(cancellationToken))
            {
                municipalities[account.Id] = (account.MunicipalityId, account.MunicipalityId);
            }
        }
        if (currentUser.MunicipalityId is { } current
            && municipalities.Values.Any(m => m.Current != current || m.Original != current))
        {
            throw new CrossMunicipalityWriteException(nameof(ThuisUser));
        }
        var roleNames = roleIds.Count == 0 ? [] : await Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => Platform.Security.Roles.DutchName(r.Name ?? ""), cancellationToken);

        var made = new List<AuditEntry>();
        foreach (var (userId, action, details) in changes)
        {
            if (!municipalities.TryGetValue(userId, out var municipality))
            {
                continue;
            }
            var named = roleNames.Aggregate(details, (text, role) => text?.Replace(role.Key, role.Value, StringComparison.Ordinal));
            var auditEntry = new AuditEntry(municipality.Current, clock.GetUtcNow(), currentUser.ActorId, currentUser.RoleNames,
                action, nameof(ThuisUser), userId, AuditResult.Success, currentUser.Origin, AccountPurpose, named);
            AuditEntries.Add(auditEntry);
            made.Add(auditEntry);
        }
        return made;
    }

    /// <summary>Whom the pending changes concern, or null when they concern nobody's data.</summary>
    private async Task<DataChange?> DataChangeOfThisSaveAsync(CancellationToken cancellationToken)
    {
        var people = new HashSet<Guid>();
        var shared = new List<IQueryable<Guid>>();
        var changed = new HashSet<Type>();
        var everyone = false;
        Guid? municipalityId = null;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is AuditEntry)
            {
                continue;
            }
            switch (entry.Entity)
            {
                case IPersonData person:
                    people.Add(person.NewcomerId);
                    break;
                case ISharedByPeople record:
                    shared.Add(record.PeopleConcerned(this));
                    break;
                case IMunicipalitySetting setting:
                    everyone = true;
                    municipalityId = setting.SettingOfMunicipality;
                    break;
                default:
                    continue;
            }
            changed.Add(entry.Metadata.ClrType);
            municipalityId ??= (entry.Entity as IMunicipalityOwned)?.MunicipalityId;
        }
        // One query per hundred shared records (a PVT template plans dozens of sessions, an import hundreds of offers),
        // not one each; SQLite allows a few hundred parts in one UNION.
        foreach (var batch in shared.Chunk(100))
        {
            people.UnionWith(await batch.Aggregate(Queryable.Union).ToListAsync(cancellationToken));
        }
        return changed.Count == 0 || municipalityId is not { } municipality
            ? null
            : new DataChange(municipality, people, everyone, changed);
    }

    private void GuardMunicipality(EntityEntry entry, IMunicipalityOwned owned)
    {
        var original = entry.State == EntityState.Added
            ? owned.MunicipalityId
            : (Guid)entry.Property(nameof(IMunicipalityOwned.MunicipalityId)).OriginalValue!;
        if (currentUser.MunicipalityId is not { } current || owned.MunicipalityId != current || original != current)
        {
            throw new CrossMunicipalityWriteException(entry.Metadata.ClrType.Name);
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
}
