using ContactCenter.Core.Callbacks;
using Xunit;

namespace ContactCenter.Core.Tests.Callbacks;

public sealed class CallbackIdTests
{
    [Fact]
    public void New_ids_are_unique_and_print_without_dashes()
    {
        var a = CallbackId.New();
        var b = CallbackId.New();

        Assert.NotEqual(a, b);
        Assert.Equal(a.Value.ToString("N"), a.ToString());
        Assert.Equal(a, new CallbackId(a.Value));
    }
}
