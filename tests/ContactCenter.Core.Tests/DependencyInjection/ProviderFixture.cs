using System;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Time;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Core.Tests.DependencyInjection;

/// <summary>A service provider with ContactCenter.Core registered in virtual time at <see cref="HostFixture.Start"/>.</summary>
internal sealed class ProviderFixture : IDisposable
{
    public ProviderFixture(Action<ContactCenterBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddContactCenter().UseVirtualTime(HostFixture.Start);
        configure?.Invoke(builder);
        Provider = services.BuildServiceProvider();
        Time = Provider.GetRequiredService<VirtualTimeSource>();
    }

    public ServiceProvider Provider { get; }

    public VirtualTimeSource Time { get; }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    public void Dispose() => Provider.Dispose();
}
