using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>The desk's HTTP API from the other end, as the smoke run and the tests use it.</summary>
/// <param name="http">A client whose base address is the desk's (see <see cref="DeskApp.Address"/>).</param>
public sealed class DeskClient(HttpClient http)
{
    /// <summary>The JSON the API speaks (ASP.NET Core's web defaults: camelCase).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The desk now.</summary>
    /// <returns>The view.</returns>
    public async Task<DeskView> GetAsync() =>
        await http.GetFromJsonAsync<DeskView>(new Uri("api/desk", UriKind.Relative), Json).ConfigureAwait(false)
            ?? throw new InvalidOperationException("GET /api/desk returned nothing.");

    /// <summary>Presses a button: <c>POST /api/{scope}/{command}</c>.</summary>
    /// <param name="scope">"agent", "interaction", "callback" or "simulation".</param>
    /// <param name="command">The command.</param>
    /// <param name="argument">Its argument, if any.</param>
    /// <returns>The desk after the command.</returns>
    /// <exception cref="DeskRefusedException">The desk refused the command (the status and the engine's reason).</exception>
    public async Task<DeskView> PostAsync(string scope, string command, string? argument = null)
    {
        using var response = await SendAsync(scope, command, argument).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var refusal = await response.Content.ReadFromJsonAsync<CommandRefusal>(Json).ConfigureAwait(false);
            throw new DeskRefusedException((int)response.StatusCode, refusal);
        }

        return await response.Content.ReadFromJsonAsync<DeskView>(Json).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"POST /api/{scope}/{command} returned nothing.");
    }

    /// <summary>Presses a button and returns the raw response (for checking refusals).</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="command">The command.</param>
    /// <param name="argument">Its argument, if any.</param>
    /// <returns>The response; dispose it.</returns>
    public Task<HttpResponseMessage> SendAsync(string scope, string command, string? argument = null) =>
        http.PostAsJsonAsync(new Uri($"api/{scope}/{command}", UriKind.Relative), new CommandBody(argument), Json);

    /// <summary>Reads the first server-sent event of <c>GET /api/events</c>: its name and its desk.</summary>
    /// <param name="cancellation">Stops waiting.</param>
    /// <returns>The event's name and data.</returns>
    public async Task<(string Event, DeskView View)> FirstEventAsync(CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/events", UriKind.Relative));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false));
        string? name = null;
        while (await reader.ReadLineAsync(cancellation).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                var view = JsonSerializer.Deserialize<DeskView>(line["data:".Length..], Json) ?? throw new InvalidOperationException("An empty event.");
                return (name ?? "message", view);
            }
        }

        throw new InvalidOperationException("The event stream ended before its first event.");
    }
}

/// <summary>The desk refused a command.</summary>
public sealed class DeskRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="refusal">The desk's answer.</param>
    public DeskRefusedException(int statusCode, CommandRefusal? refusal)
        : base($"HTTP {statusCode}: {refusal?.Message ?? "(no reason given)"}")
    {
        StatusCode = statusCode;
        Refusal = refusal;
    }

    /// <summary>Creates the exception.</summary>
    public DeskRefusedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why.</param>
    public DeskRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public DeskRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The desk's answer, when it gave one.</summary>
    public CommandRefusal? Refusal { get; }
}
