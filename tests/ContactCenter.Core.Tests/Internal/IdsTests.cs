using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Internal;
using Xunit;

namespace ContactCenter.Core.Tests.Internal;

public sealed class IdsTests
{
    [Fact]
    public void Ids_of_one_thread_are_all_different()
    {
        var seen = new HashSet<Guid>();

        for (int i = 0; i < 100_000; i++)
        {
            Assert.True(seen.Add(Ids.Next()));
        }
    }

    [Fact]
    public void Ids_drawn_by_several_threads_at_once_are_all_different()
    {
        var all = new ConcurrentBag<Guid>();
        using var start = new Barrier(4);

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            start.SignalAndWait();
            for (int i = 0; i < 25_000; i++)
            {
                all.Add(Ids.Next());
            }
        });

        Assert.Equal(100_000, all.Distinct().Count());
    }

    [Fact]
    public void Ids_share_the_process_prefix_and_differ_in_the_counter()
    {
        var first = Ids.Next().ToByteArray();
        var second = Ids.Next().ToByteArray();

        Assert.Equal(first.Take(8), second.Take(8));
        Assert.NotEqual(first.Skip(8), second.Skip(8));
    }
}
