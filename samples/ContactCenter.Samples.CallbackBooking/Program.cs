using System;
using System.IO;
using ContactCenter.Samples.CallbackBooking;

// Prints the booking desk's script. With --smoke (CI), runs the same script without printing it: any failure
// (a booking that does not go as scripted, a callback that is not offered) exits non-zero.
bool smoke = args is ["--smoke"];
if (args.Length > 0 && !smoke)
{
    Console.Error.WriteLine("usage: ContactCenter.Samples.CallbackBooking [--smoke]");
    return 2;
}

try
{
    if (smoke)
    {
        using var output = new StringWriter();
        CallbackBookingScript.Run(output);
        Console.WriteLine("Callback booking smoke run: OK.");
    }
    else
    {
        // Full slots are greyed with ANSI colours on a real terminal only (and not when NO_COLOR is set).
        bool colours = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        CallbackBookingScript.Run(Console.Out, colours);
    }

    return 0;
}
#pragma warning disable CA1031 // The sample's entry point reports any failure as a non-zero exit code.
catch (Exception exception)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"The callback booking script failed: {exception}");
    return 1;
}
