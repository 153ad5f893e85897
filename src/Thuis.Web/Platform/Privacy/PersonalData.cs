using System.Collections;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Changes;

namespace Thuis.Web.Platform.Privacy;

/// <summary>
/// A text that stays when a person's data is erased because it names no one and the reports count it (a code, a level
/// from a fixed list). Every other text of a person's record is cleared.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KeptAfterErasureAttribute : Attribute;

/// <summary>
/// Everything Thuis keeps about one person, found from the data model rather than from a list someone must keep up:
/// every record that holds a person's data (<see cref="IPersonData"/>), every record that hangs from those by a foreign
/// key (a plan's goals and steps), and what they own (lists kept as JSON). Erasing clears every text in them — names,
/// numbers, addresses, notes, answers — and keeps dates, states and numbers, so the reports keep their counts while
/// nothing is left that says who it was. The audit trail keeps its entries: they hold no values, and the person they
/// concern is from then on only the id of an erased dossier (a pseudonym).
/// </summary>
public static class PersonalData
{
    /// <summary>Records that are not the person's data although they point at it: the trail, and accounts (removed on their own).</summary>
    private static bool IsOutside(IEntityType type) =>
        type.ClrType == typeof(AuditEntry)
        || type.ClrType.Namespace == typeof(IdentityUser).Namespace
        || type.ClrType == typeof(Features.Accounts.ThuisUser)
        || typeof(IKeptAfterErasure).IsAssignableFrom(type.ClrType);

    /// <summary>Clears the person's data in the tracked records; the caller saves. Returns how many records were cleared.</summary>
    public static async Task<int> EraseAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, newcomerId, cancellationToken);
        foreach (var entity in found)
        {
            Clear(db.Entry(entity));
        }
        return found.Count;
    }

    /// <summary>Every record of one person, tracked: the roots by their person, then what hangs from them, to the end.</summary>
    public static async Task<List<object>> FindAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken)
    {
        var found = new List<object>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var roots = db.Model.GetEntityTypes()
            .Where(t => t.BaseType is null && !t.IsOwned() && typeof(IPersonData).IsAssignableFrom(t.ClrType) && !IsOutside(t));
        foreach (var type in roots)
        {
            var personProperty = type.ClrType == typeof(Newcomer) ? nameof(Newcomer.Id) : nameof(IPersonData.NewcomerId);
            Add(await WhereAsync(db, type, personProperty, [newcomerId], cancellationToken));
        }

        // What hangs from the records found so far, by foreign key, until nothing new turns up.
        for (var start = 0; start < found.Count;)
        {
            var batch = found.Skip(start).ToList();
            start = found.Count;
            foreach (var principalType in batch.Select(e => db.Entry(e).Metadata).Distinct())
            {
                var keys = batch.Where(e => db.Entry(e).Metadata == principalType).ToList();
                foreach (var foreignKey in principalType.GetReferencingForeignKeys()
                    .Where(fk => !fk.DeclaringEntityType.IsOwned() && !IsOutside(fk.DeclaringEntityType)))
                {
                    if (foreignKey.Properties.Count != 1)
                    {
                        throw new NotSupportedException($"Een samengestelde verwijzing naar {principalType.ClrType.Name} kan niet worden gewist.");
                    }
                    var principalKey = foreignKey.PrincipalKey.Properties[0];
                    var values = keys.Select(e => db.Entry(e).Property(principalKey.Name).CurrentValue).Distinct().ToList();
                    var dependentType = foreignKey.DeclaringEntityType.GetRootType();
                    Add(await WhereAsync(db, dependentType, foreignKey.Properties[0].Name, values, cancellationToken));
                }
            }
        }
        return found;

        void Add(IEnumerable<object> entities)
        {
            foreach (var entity in entities)
            {
                if (seen.Add(entity))
                {
                    found.Add(entity);
                }
            }
        }
    }

    /// <summary>Clears every text of a record and of what it owns, and changes its version so an open form cannot save it back.</summary>
    private static void Clear(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (metadata.IsKey() || metadata.IsForeignKey() || metadata.IsShadowProperty()
                || metadata.PropertyInfo?.IsDefined(typeof(KeptAfterErasureAttribute), inherit: true) == true)
            {
                continue;
            }
            if (metadata.IsConcurrencyToken)
            {
                if (metadata.ClrType == typeof(Guid))
                {
                    property.CurrentValue = Guid.NewGuid();
                }
                continue;
            }
            if (metadata.ClrType == typeof(string))
            {
                property.CurrentValue = metadata.IsNullable ? null : "";
            }
            else if (metadata.IsPrimitiveCollection && property.CurrentValue is IList { Count: > 0 })
            {
                property.CurrentValue = Activator.CreateInstance(metadata.ClrType.IsArray
                    ? metadata.ClrType : typeof(List<>).MakeGenericType(metadata.ClrType.GetGenericArguments()[0]), metadata.ClrType.IsArray ? [0] : []);
            }
        }
        foreach (var navigation in entry.Navigations.Where(n => n.Metadata.TargetEntityType.IsOwned()))
        {
            var owned = navigation.CurrentValue switch
            {
                null => [],
                IEnumerable many => many.Cast<object>(),
                var one => [one],
            };
            foreach (var item in owned.ToList())
            {
                Clear(entry.Context.Entry(item));
            }
        }
    }

    private static async Task<List<object>> WhereAsync(AppDbContext db, IEntityType type, string propertyName, IReadOnlyCollection<object?> values,
        CancellationToken cancellationToken)
    {
        var method = typeof(PersonalData).GetMethod(nameof(WhereOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType, type.FindProperty(propertyName)!.ClrType);
        return await (Task<List<object>>)method.Invoke(null, [db, propertyName, values, cancellationToken])!;
    }

    private static async Task<List<object>> WhereOfAsync<TEntity, TValue>(AppDbContext db, string propertyName, IReadOnlyCollection<object?> values,
        CancellationToken cancellationToken) where TEntity : class
    {
        var wanted = values.OfType<TValue>().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        // e => wanted.Contains(EF.Property<TValue>(e, propertyName))
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var property = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TValue)], entity, Expression.Constant(propertyName));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TValue)], Expression.Constant(wanted), property);
        var rows = await db.Set<TEntity>().Where(Expression.Lambda<Func<TEntity, bool>>(contains, entity)).ToListAsync(cancellationToken);
        return [.. rows.Cast<object>()];
    }
}

/// <summary>A record about an erasure itself, which must outlive the erasure it records.</summary>
public interface IKeptAfterErasure;
