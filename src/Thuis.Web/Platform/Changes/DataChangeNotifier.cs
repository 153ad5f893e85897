using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Thuis.Web.Data;

namespace Thuis.Web.Platform.Changes;

/// <summary>
/// Tells the subscribers registered in this scope what a committed save changed. Resolved lazily: subscribers depend on
/// the DbContext that depends on this.
/// </summary>
public sealed class DataChangeNotifier(IServiceProvider services)
{
    /// <summary>For design-time tools and tests that make a context by hand: nobody listens.</summary>
    public static DataChangeNotifier Nobody { get; } = new(EmptyServices.Instance);

    public async Task NotifyAsync(IReadOnlyList<DataChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }
        foreach (var subscriber in services.GetServices<IDataChangeSubscriber>())
        {
            foreach (var change in changes)
            {
                await subscriber.OnChangedAsync(change, cancellationToken);
            }
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static EmptyServices Instance { get; } = new();

        public object? GetService(Type serviceType) =>
            serviceType.IsGenericType && serviceType.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                ? Array.CreateInstance(serviceType.GetGenericArguments()[0], 0)
                : null;
    }
}

/// <summary>
/// Keeps explicit transactions honest: changes saved inside one are told only after <see cref="AppDbContext.AllOrNothingAsync"/>
/// committed them, forgotten when it rolls back, and a transaction committed by hand with people's data in it is refused.
/// </summary>
internal sealed class DataChangeTransactionInterceptor : DbTransactionInterceptor
{
    public static DataChangeTransactionInterceptor Instance { get; } = new();

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        RefuseCommitWithoutTelling(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        RefuseCommitWithoutTelling(eventData);
        return result;
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.ForgetUncommittedChanges();
        return Task.CompletedTask;
    }

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        // A transaction disposed without commit or rollback (an early return) left its changes untold, and rightly so.
        (eventData.Context as AppDbContext)?.ForgetUncommittedChanges();
        return ValueTask.FromResult(result);
    }

    private static void RefuseCommitWithoutTelling(TransactionEventData eventData)
    {
        if (eventData.Context is AppDbContext { CommitsWithoutTelling: true })
        {
            throw new InvalidOperationException("Wijzigingen van persoonsgegevens in een transactie gaan via AppDbContext.AllOrNothingAsync, zodat signalen ze volgen.");
        }
    }
}
