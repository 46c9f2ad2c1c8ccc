using System.Text.Json;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Access;
using IotAdmin.Emulator.Api.Admin;
using IotAdmin.Emulator.Auth;
using IotAdmin.Emulator.Control;
using IotAdmin.Emulator.Events;
using IotAdmin.Emulator.Paging;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api;

/// <summary>
/// Every request but the control API passes here, in the service's order: count → injected fault → authentication
/// → rate limit → authorization (the caller's role) → latency → concurrent-change check → handler. Errors are written
/// by <see cref="ErrorWriter"/> only.
/// </summary>
internal sealed class ApiPipeline
{
    private readonly EmulatorOptions _options;
    private readonly FleetStore _store;
    private readonly TokenIssuer _tokens;
    private readonly RateWindow _rate;
    private readonly FaultInjector _faults;
    private readonly Stats _stats;
    private readonly PageSnapshots _snapshots;
    private readonly EventServices _events;
    private readonly BusyDevices _busy = new();

    public ApiPipeline(EmulatorOptions options, FleetStore store, TokenIssuer tokens, RateWindow rate, FaultInjector faults, Stats stats, PageSnapshots snapshots, EventServices events)
    {
        _events = events;
        _options = options;
        _store = store;
        _tokens = tokens;
        _rate = rate;
        _faults = faults;
        _stats = stats;
        _snapshots = snapshots;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method.ToUpperInvariant();
        var path = context.Request.Path.Value ?? "/";
        if (path == ClaimHandlers.OldInfoPath) path = ClaimHandlers.InfoPath; // the old spelling DT's clients still send
        var isGoogle = path.StartsWith("/v1/", StringComparison.Ordinal);
        var isHostedEmulator = path.StartsWith(EmulatedDeviceHandlers.Prefix, StringComparison.Ordinal);
        var isApi = isGoogle || isHostedEmulator || path.StartsWith("/v2/", StringComparison.Ordinal);
        var segments = isHostedEmulator ? path[EmulatedDeviceHandlers.Prefix.Length..].Split('/') : isApi ? path[4..].Split('/') : Array.Empty<string>();
        var (template, handler) = isGoogle ? Routes.MatchGoogle(method, segments) : isHostedEmulator ? Routes.MatchEmulator(method, segments) : isApi ? Routes.Match(method, segments) : (null, null);
        var isToken = path is "/oauth2/token" or GoogleAccount.TokenPath;
        var route = method + " " + (isToken ? path : template ?? "(unknown)");
        var mutation = isApi && method is "POST" or "PATCH" or "PUT" or "DELETE";
        var style = isGoogle ? "google" : _options.ErrorStyle; // Cloud IoT Core has one error shape
        try
        {
            if (!isApi && !isToken) throw ApiError.NotFound($"no such path '{path}'; the API lives under /v2 (and /v1 for Cloud IoT Core)");
            var loseAnswer = false;
            if (_faults.Take(method, path, random: !isToken) is { } fault) // token faults are scripted only
            {
                style = fault.Style ?? style;
                loseAnswer = fault.Kind == "lost";
                if (await ApplyFaultAsync(context, fault, style)) return;
            }

            if (isToken)
            {
                await TokenAsync(context, method, path == GoogleAccount.TokenPath, loseAnswer);
                return;
            }

            var (identity, problem) = _tokens.Authenticate(context.Request.Headers.Authorization.ToString());
            if (identity == null) throw new ApiError(401, "unauthenticated: " + problem, "UNAUTHENTICATED");
            var caller = Caller.FromIdentity(identity);
            if (!caller.IsGoogle && _store.Read(v => v.ServiceAccount(caller.AccountId)) == null)
                throw new ApiError(401, "unauthenticated: the service account no longer exists", "UNAUTHENTICATED");
            if (!_rate.TryAcquire(identity, out var retryAfter))
            {
                _stats.Throttled(identity);
                throw new ApiError(429, $"too many requests: at most {_rate.Limit} requests per {_rate.Window.TotalSeconds:0.###} s per service account", "RESOURCE_EXHAUSTED", retryAfter: TimeSpan.FromSeconds(retryAfter), reason: "RATE_LIMIT_EXCEEDED");
            }

            if (template == null) throw ApiError.NotFound($"no such path '{path}'");
            if (handler == null) throw new ApiError(405, $"method {method} is not allowed on {template}", "UNIMPLEMENTED");
            var body = mutation ? await ReadBodyAsync(context) : null;
            _store.Read(v => Authorization.Check(v, caller, isGoogle, method, segments));
            var touched = mutation ? Routes.TouchedDevices(segments, body).Distinct().ToList() : new List<string>();
            if (!_busy.TryEnter(touched)) throw new ApiError(409, "concurrent modification of a device; re-read and retry", "ABORTED");
            try
            {
                // Reads wait before answering; writes are made first and answered after the latency, so a concurrent
                // change of the same device during that time is refused (409 ABORTED) rather than silently lost.
                if (!mutation) await LatencyAsync(context);
                var request = new RequestContext { Http = context, Segments = segments, Body = body, Store = _store, Options = _options, Snapshots = _snapshots, Events = _events, Caller = caller };
                if (Routes.Streamer(handler) is { } stream)
                {
                    await stream(request); // writes its own long-lived answer
                    return;
                }

                var answer = handler(request);
                if (mutation) await LatencyAsync(context);
                if (loseAnswer)
                {
                    context.Abort(); // the change is made; the client never hears of it
                    return;
                }

                await JsonReply.WriteAsync(context, 200, answer);
            }
            finally
            {
                _busy.Exit(touched);
            }
        }
        catch (ApiError e)
        {
            if (!context.Response.HasStarted) await ErrorWriter.WriteAsync(context, e, style);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException && e.TargetSite?.DeclaringType?.Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true)
        {
            // A body field of the wrong JSON type ({"displayName":5}) that a handler read without checking.
            if (!context.Response.HasStarted) await ErrorWriter.WriteAsync(context, ApiError.BadRequest("a field of the request body has the wrong JSON type: " + e.Message, "body"), style);
        }
        finally
        {
            _stats.Count(route, context.Response.StatusCode, mutation);
        }
    }

    private Task LatencyAsync(HttpContext context) =>
        _options.LatencyMs > 0 ? Task.Delay(TimeSpan.FromMilliseconds(_options.LatencyMs), _options.TimeProvider, context.RequestAborted) : Task.CompletedTask;

    private async Task TokenAsync(HttpContext context, string method, bool google, bool loseAnswer)
    {
        if (method != "POST") throw new ApiError(405, "the token endpoint takes POST", "UNIMPLEMENTED");
        if (!context.Request.HasFormContentType) throw ApiError.BadRequest("the token request must be application/x-www-form-urlencoded", "body");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var own = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}";
        var (status, body) = google ? _tokens.IssueGoogle(form, own) : _tokens.Issue(form, own);
        if (status == 200) _stats.TokenIssued();
        if (loseAnswer)
        {
            context.Abort(); // the token is issued; the client never hears of it
            return;
        }

        await JsonReply.WriteAsync(context, status, body);
    }

    /// <summary>Applies a fault; true when the request is answered (or dropped) by it.</summary>
    private async Task<bool> ApplyFaultAsync(HttpContext context, FaultSpec fault, string style)
    {
        _stats.FaultInjected();
        switch (fault.Kind)
        {
            case "reset":
                context.Abort();
                return true;
            case "delay":
                await Task.Delay(TimeSpan.FromMilliseconds(fault.DelayMs), _options.TimeProvider, context.RequestAborted);
                return false;
            case "lost":
                return false;
        }

        var retryAfter = fault.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        if (fault.Body != null)
        {
            await ErrorWriter.WriteRawAsync(context, fault.Status, fault.Body, retryAfter);
            return true;
        }

        var message = fault.Message ?? DefaultMessage(fault.Status, fault.Canonical);
        await ErrorWriter.WriteAsync(context, new ApiError(fault.Status, message, fault.Canonical ?? ApiError.CanonicalFor(fault.Status, message), retryAfter: retryAfter), style);
        return true;
    }

    private static string DefaultMessage(int status, string? canonical) => (status, canonical) switch
    {
        (409, "ALREADY_EXISTS") => "already exists",
        (409, _) => "concurrent modification; re-read and retry",
        (429, _) => "too many requests",
        (500, _) => "internal error",
        (503, _) => "service unavailable",
        (504, _) => "gateway timeout",
        _ => "injected fault " + status,
    };

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest("the request body is not valid JSON: " + e.Message, "body");
        }
    }
}
