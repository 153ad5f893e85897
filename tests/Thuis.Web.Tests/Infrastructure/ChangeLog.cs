using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Platform.Changes;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>One data change as a subscriber was told it, with the request that made it ("POST /dossiers/…").</summary>
public sealed record ToldChange(string Request, DataChange Change);

/// <summary>
/// Every data change the app told its subscribers, for tests that prove a handler's save is an event even where no
/// signal rule reads what it wrote. Register it with <see cref="AddTo"/> in <see cref="ThuisAppFactory.ConfigureTestServices"/>.
/// </summary>
public sealed class ChangeLog
{
    private readonly ConcurrentQueue<ToldChange> _told = new();

    public IReadOnlyList<ToldChange> Told => [.. _told];

    public void Clear() => _told.Clear();

    public void AddTo(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(this);
        services.AddScoped<IDataChangeSubscriber, Recorder>();
    }

    private sealed class Recorder(ChangeLog log, IHttpContextAccessor http) : IDataChangeSubscriber
    {
        public Task OnChangedAsync(DataChange change, CancellationToken cancellationToken)
        {
            var request = http.HttpContext?.Request;
            log._told.Enqueue(new ToldChange(request is null ? "(buiten een verzoek)" : $"{request.Method} {request.Path}", change));
            return Task.CompletedTask;
        }
    }
}
