using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;

namespace OneDigital.Benchmarks;

/// <summary>Times each content part handler (<c>--profile</c>) by wrapping the registered handlers.</summary>
public sealed class HandlerTimer
{
    private readonly ConcurrentDictionary<string, long> _ticks = new();

    public IReadOnlyDictionary<string, long> Ticks => _ticks;

    public void Reset() => _ticks.Clear();

    /// <summary>Replaces every <see cref="IContentPartHandler"/> registration with a timed wrapper around it.</summary>
    public void Wrap(IServiceCollection services)
    {
        var handlers = services.Where(d => d.ServiceType == typeof(IContentPartHandler) && d.ImplementationType is not null).ToList();
        foreach (var descriptor in handlers)
        {
            var type = descriptor.ImplementationType!;
            services[services.IndexOf(descriptor)] = new ServiceDescriptor(typeof(IContentPartHandler),
                sp => new Timed((IContentPartHandler)ActivatorUtilities.CreateInstance(sp, type), type.Name, this), descriptor.Lifetime);
        }
    }

    private sealed class Timed(IContentPartHandler inner, string name, HandlerTimer timer) : IContentPartHandler
    {
        public async Task SavingAsync(ContentSaveContext context)
        {
            var start = Stopwatch.GetTimestamp();
            await inner.SavingAsync(context);
            timer._ticks.AddOrUpdate(name, Stopwatch.GetTimestamp() - start, (_, t) => t + Stopwatch.GetTimestamp() - start);
        }
    }
}
