using System;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Compliance;

public sealed class InMemoryDoNotCallListTests
{
    private static readonly PhoneNumber s_number = PhoneNumber.Parse("+1 312 555 0142");
    private static readonly Instant s_now = Instant.FromUtc(2026, 6, 1, 12, 0);

    [Fact]
    public void An_entry_without_expiry_blocks_forever()
    {
        var list = new InMemoryDoNotCallList();

        list.Add(s_number);

        Assert.True(list.IsBlocked(s_number, s_now));
        Assert.True(list.IsBlocked(s_number, Instant.MaxValue));
        Assert.False(list.IsBlocked(PhoneNumber.Parse("+1 312 555 0143"), s_now));
        Assert.True(list.Contains(s_number));
        Assert.Equal(1, list.Count);
    }

    [Fact]
    public void An_entry_with_expiry_blocks_until_the_expiry_exclusive()
    {
        var list = new InMemoryDoNotCallList();
        var until = s_now + Duration.FromDays(60);

        list.Add(s_number, until);

        Assert.True(list.IsBlocked(s_number, until - Duration.Epsilon));
        Assert.False(list.IsBlocked(s_number, until));
        Assert.True(list.Contains(s_number));
    }

    [Fact]
    public void Add_replaces_and_Remove_removes()
    {
        var list = new InMemoryDoNotCallList();
        list.Add(s_number, s_now);
        list.Add(s_number);

        Assert.True(list.IsBlocked(s_number, s_now + Duration.FromDays(1)));
        Assert.True(list.Remove(s_number));
        Assert.False(list.Remove(s_number));
        Assert.False(list.IsBlocked(s_number, s_now));
    }

    [Fact]
    public void RemoveExpired_keeps_running_entries()
    {
        var list = new InMemoryDoNotCallList();
        list.Add(PhoneNumber.Parse("+1 312 555 0001"), s_now);
        list.Add(PhoneNumber.Parse("+1 312 555 0002"), s_now + Duration.FromSeconds(1));
        list.Add(PhoneNumber.Parse("+1 312 555 0003"));

        Assert.Equal(1, list.RemoveExpired(s_now));
        Assert.Equal(2, list.Count);
        Assert.False(list.Contains(PhoneNumber.Parse("+1 312 555 0001")));
    }

    [Fact]
    public void The_default_number_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new InMemoryDoNotCallList().Add(default));
    }

    [Fact]
    public void Concurrent_adds_and_removes_keep_the_list_consistent()
    {
        var list = new InMemoryDoNotCallList();
        var numbers = Enumerable.Range(0, 2_000).Select(static i => PhoneNumber.Parse("+1312555" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        Parallel.For(0, numbers.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            list.Add(numbers[i]);
            if (i % 2 == 1)
            {
                list.Remove(numbers[i]);
            }
        });

        Assert.Equal(1_000, list.Count);
        Assert.All(numbers.Where(static (_, i) => i % 2 == 0), n => Assert.True(list.IsBlocked(n, s_now)));
    }
}
