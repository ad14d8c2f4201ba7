using System;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Tests.Callbacks;
using Xunit;

namespace ContactCenter.Core.Tests.Persistence;

public sealed class SnapshotJsonTests
{
    [Fact]
    public void Text_with_quotes_controls_and_unicode_reads_back_identical()
    {
        using var f = new CallbackFixture();
        var snapshot = f.Create(new AsapCallbackRequest(CallbackFixture.Home) { Subject = "Rückruf \"dringend\"\n\t\\ \u0001 \u2028 €" }).ToSnapshot();
        string text = SnapshotJson.Write(snapshot);
        Assert.StartsWith("{\"v\":1,", text, StringComparison.Ordinal);
        Assert.Equal(snapshot.Subject, SnapshotJson.ReadCallback(text).Subject);
        Assert.Equal(text, SnapshotJson.Write(SnapshotJson.ReadCallback(text)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"v\":1}")]
    [InlineData("{\"v\":1,\"id\":\"zz\"}")]
    [InlineData("{\"v\":1,\"id\":\"00000000000000000000000000000001\",\"kind\":\"Unknown\"}")]
    [InlineData("{\"v\":1,\"a\":}")]
    public void Text_that_is_no_snapshot_is_a_format_error(string text) =>
        Assert.Throws<FormatException>(() => SnapshotJson.ReadCallback(text));

    [Fact]
    public void A_newer_format_version_is_refused()
    {
        using var f = new CallbackFixture();
        string text = SnapshotJson.Write(f.Asap().ToSnapshot()).Replace("{\"v\":1,", "{\"v\":2,", StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => SnapshotJson.ReadCallback(text));
        Assert.Contains("format version 2", error.Message, StringComparison.Ordinal);
    }
}
