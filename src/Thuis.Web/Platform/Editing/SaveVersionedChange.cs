using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Thuis.Web.Data;

namespace Thuis.Web.Platform.Editing;

/// <summary>
/// The one way a form changes a record people edit together (a dossier, a plan, a part of the intake): only when the
/// record is still the version the form was loaded from, checked again by the database at the moment of saving. The
/// record carries a <c>Version</c> concurrency token that changes with every edit. A record that exists at most once
/// (one checklist per newcomer) is added the same way, the unique index standing in for the version. No feature catches
/// the database's concurrency exceptions itself.
/// </summary>
internal static class SaveVersionedChange
{
    /// <summary>Changes <paramref name="record"/> and saves, unless someone else saved it since it was loaded as <paramref name="loadedVersion"/>.</summary>
    public static Task<Outcome> HandleAsync<T>(AppDbContext db, T record, Guid loadedVersion, Action<T> change,
        string changedMeanwhile, CancellationToken cancellationToken) where T : class =>
        HandleAsync(db, record, loadedVersion, _ => null, change, changedMeanwhile, cancellationToken);

    /// <summary>
    /// The same, for a change the record itself may refuse: <paramref name="refusal"/> asks the record why not (its
    /// answer in the user's words, or null), on the version the form was loaded from and before anything changes.
    /// </summary>
    public static async Task<Outcome> HandleAsync<T>(AppDbContext db, T record, Guid loadedVersion, Func<T, string?> refusal, Action<T> change,
        string changedMeanwhile, CancellationToken cancellationToken) where T : class
    {
        var version = db.Entry(record).Property<Guid>("Version");
        if (version.CurrentValue != loadedVersion)
        {
            return Conflict(db, changedMeanwhile);
        }
        if (refusal(record) is { } why)
        {
            return Outcome.Refused(why);
        }
        version.OriginalValue = loadedVersion;
        change(record);
        return await SaveAsync(db, changedMeanwhile, cancellationToken);
    }

    /// <summary>
    /// Adds a record of which there is at most one (guarded by a unique index), when the form was loaded while there
    /// was none yet (an empty <paramref name="loadedVersion"/>). Whoever adds it first wins; the other gets a conflict.
    /// </summary>
    public static async Task<Outcome> AddAsync<T>(AppDbContext db, Func<T> create, Guid loadedVersion, string changedMeanwhile,
        CancellationToken cancellationToken) where T : class
    {
        if (loadedVersion != Guid.Empty)
        {
            return Conflict(db, changedMeanwhile);
        }
        db.Add(create());
        return await SaveAsync(db, changedMeanwhile, cancellationToken);
    }

    /// <summary>
    /// Saves whatever the handler changed, in one go. A version that no longer matches, or a unique index refusing a
    /// second of the same (two people registering the same BSN at once), means someone else saved first: the outcome
    /// is a conflict and nothing of this change stays tracked.
    /// </summary>
    public static async Task<Outcome> SaveAsync(AppDbContext db, string changedMeanwhile, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Saved();
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || IsUniqueViolation(exception))
        {
            return Conflict(db, changedMeanwhile);
        }
    }

    private static Outcome Conflict(AppDbContext db, string changedMeanwhile)
    {
        db.ChangeTracker.Clear();
        return Outcome.Conflict(changedMeanwhile);
    }

    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
