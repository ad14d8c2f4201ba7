using System;
using System.Collections.Generic;
using System.Linq;
using System.Reactive.Subjects;
using ContactCenter.Core.Interactions;
using Xunit;
using static ContactCenter.Core.Tests.Interactions.InteractionTestKit;

namespace ContactCenter.Core.Tests.Interactions;

public sealed class InteractionStreamsTests
{
    [Fact]
    public void Merge_combines_many_interactions_keeping_each_ones_order()
    {
        var a = Inbound();
        var b = Inbound(MediaType.Chat);
        var all = new List<InteractionEvent>();
        using var subscription = InteractionStreams.Merge([a, b]).Subscribe(all.Add);
        a.Accept();
        b.Accept();
        a.Hold();
        b.Disconnect();
        Assert.Equal(2, all.Select(e => e.InteractionId).Distinct().Count());
        foreach (var group in all.GroupBy(e => e.InteractionId))
        {
            Assert.Equal(Enumerable.Range(1, group.Count()).Select(i => (long)i), group.Select(e => e.Sequence));
        }

        Assert.Equal(all.Count, a.Snapshot.Sequence + b.Snapshot.Sequence);
    }

    [Fact]
    public void Merge_follows_interactions_as_they_arrive()
    {
        var arrivals = new Subject<Interaction>();
        var all = new List<InteractionEvent>();
        using var subscription = InteractionStreams.Merge(arrivals).Subscribe(all.Add);
        var a = Inbound();
        arrivals.OnNext(a);
        a.Accept();
        var b = Inbound();
        arrivals.OnNext(b);
        b.Reject();
        Assert.Equal(a.Snapshot.Sequence + b.Snapshot.Sequence, all.Count);
    }
}
