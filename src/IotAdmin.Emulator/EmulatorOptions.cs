using System.Globalization;

namespace IotAdmin.Emulator;

/// <summary>Every command-line option of the emulator, with the defaults of design.md ("Public surface").</summary>
public sealed class EmulatorOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Where to write the DT credentials file once the emulator serves.</summary>
    public string? CredentialsFile { get; set; }

    public int Projects { get; set; } = 5;

    public int Devices { get; set; } = 500;

    public int Seed { get; set; } = 1;

    /// <summary>A fleet from Export-IotFleet to serve instead of the seeded one (--projects and --devices are then ignored).</summary>
    public string? FleetFile { get; set; }

    /// <summary>Requests per <see cref="RateWindowSeconds"/> per service account (a sliding window); 0 = off.</summary>
    public int RateLimit { get; set; } = 75;

    /// <summary>The rate limit's window in seconds (default 10; older docs said 25 per 5 s).</summary>
    public double RateWindowSeconds { get; set; } = 10;

    public int TokenTtlSeconds { get; set; } = 3600;

    /// <summary>"dt" or "google": the shape of error bodies.</summary>
    public string ErrorStyle { get; set; } = "dt";

    public int LatencyMs { get; set; }

    /// <summary>Share of API requests that fail at random (seeded) with one of <see cref="FaultStatuses"/>.</summary>
    public double FaultRate { get; set; }

    public int[] FaultStatuses { get; set; } = { 500, 503 };

    /// <summary>Devices per batchUpdate / transfer call.</summary>
    public int MaxBatch { get; set; } = 1000;

    /// <summary>How long a created project or device answers 404.</summary>
    public int PropagationDelayMs { get; set; } = 1000;

    /// <summary>Where to write a Google service-account key file for the Cloud IoT Core API (/v1).</summary>
    public string? GoogleKeyFile { get; set; }

    /// <summary>The Google Cloud project the /v1 API serves.</summary>
    public string GoogleProject { get; set; } = "emulated-project";

    /// <summary>The region the /v1 API serves.</summary>
    public string GoogleLocation { get; set; } = "us-central1";

    /// <summary>The fleet's heartbeat: measurements every interval, the rest in multiples (Events/EventSchedule.cs); zero = no simulated events.</summary>
    public TimeSpan EventInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How much history the fleet has at start (filled in on the same schedule).</summary>
    public TimeSpan EventHistory { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Events kept per device (the oldest go first).</summary>
    public int HistorySize { get; set; } = 2000;

    /// <summary>Failed pushes in a row after which a data connector becomes SYSTEM_DISABLED.</summary>
    public int ConnectorDisableAfter { get; set; } = 10;

    /// <summary>Unclaimed kits in the inventory (plus ten loose devices per kit).</summary>
    public int Kits { get; set; } = 20;

    /// <summary>The emulator's clock (tests inject a fake or scaled one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>No console banner (in-process use by tests).</summary>
    public bool Quiet { get; set; }

    public const string Usage = """
        IotAdmin emulator: a local Disruptive Technologies REST API v2 (loopback only).
        Usage: IotAdmin.Emulator [options]
          --urls URL                 listen address (default http://127.0.0.1:5080; port 0 = any free port)
          --credentials-file FILE    write {"serviceAccount":{keyId,secret,email,algorithm,tokenEndpoint}} when ready
          --projects N               seeded projects (default 5; the first is the inventory project)
          --devices N                seeded devices (default 500)
          --seed S                   fleet and fault seed (default 1)
          --fleet-file FILE          serve the fleet Export-IotFleet wrote (instead of --projects/--devices)
          --rate-limit N             requests per window per service account (default 75; 0 = off)
          --rate-window SECONDS      the rate limit's sliding window (default 10)
          --token-ttl SECONDS        access-token lifetime (default 3600)
          --error-style dt|google    error body shape (default dt)
          --latency MS               added to every API answer (default 0)
          --fault-rate P             share of API requests failing at random (default 0)
          --fault-statuses LIST      statuses of random faults (default 500,503)
          --max-batch N              devices per batchUpdate/transfer (default 1000)
          --propagation-delay MS     created resources answer 404 this long (default 1000)
          --google-key-file FILE     write a Google service-account key for the Cloud IoT Core API (/v1)
          --google-project ID        the Google Cloud project /v1 serves (default emulated-project)
          --google-location REGION   the region /v1 serves (default us-central1)
          --event-interval DURATION  the fleet's heartbeat, e.g. 15m (default), 1s to fast-forward; 0 = no simulated events
          --event-history DURATION   history filled in when the fleet wakes (default 24h; ~300,000 events at most)
          --history-size N           events kept per device (default 2000)
          --connector-disable-after N  failed pushes in a row before SYSTEM_DISABLED (default 10)
          --kits N                   unclaimed kits in the inventory, plus 10 loose devices per kit (default 20)
          --help                     this text
        Control API (unauthenticated): POST/DELETE /_emulator/faults, GET /_emulator/stats, POST /_emulator/reset,
          POST /_emulator/ratelimit {"limit":25,"windowSeconds":5} (changes the rate limit while running),
          POST /_emulator/events (publish an event), POST /_emulator/streams:close (end open streams),
          GET /_emulator/inventory (unclaimed kits and devices, claim counters).
        """;

    /// <summary>Parses the command line; throws ArgumentException naming the bad option.</summary>
    public static EmulatorOptions Parse(string[] args)
    {
        var o = new EmulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option {name} needs a value.");
            switch (name)
            {
                case "--urls": o.Urls = Value(); break;
                case "--credentials-file": o.CredentialsFile = Value(); break;
                case "--projects": o.Projects = Int(name, Value(), 1, 1000); break;
                case "--devices": o.Devices = Int(name, Value(), 0, 1_000_000); break;
                case "--fleet-file": o.FleetFile = Value(); break;
                case "--seed": o.Seed = Int(name, Value(), int.MinValue, int.MaxValue); break;
                case "--rate-limit": o.RateLimit = Int(name, Value(), 0, 1_000_000); break;
                case "--rate-window":
                    if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var window) || window < 0.001 || window > 86_400)
                        throw new ArgumentException("--rate-window must be a number of seconds from 0.001 to 86400.");
                    o.RateWindowSeconds = window;
                    break;
                case "--token-ttl": o.TokenTtlSeconds = Int(name, Value(), 1, 86_400); break;
                case "--error-style":
                    o.ErrorStyle = Value();
                    if (o.ErrorStyle is not ("dt" or "google")) throw new ArgumentException($"--error-style must be dt or google, not '{o.ErrorStyle}'.");
                    break;
                case "--latency": o.LatencyMs = Int(name, Value(), 0, 600_000); break;
                case "--fault-rate":
                    if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate < 0 || rate > 1)
                        throw new ArgumentException("--fault-rate must be a number from 0 to 1.");
                    o.FaultRate = rate;
                    break;
                case "--fault-statuses":
                    o.FaultStatuses = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => Int(name, s, 400, 599)).ToArray();
                    if (o.FaultStatuses.Length == 0) throw new ArgumentException("--fault-statuses needs at least one status.");
                    break;
                case "--max-batch": o.MaxBatch = Int(name, Value(), 1, 100_000); break;
                case "--propagation-delay": o.PropagationDelayMs = Int(name, Value(), 0, 600_000); break;
                case "--google-key-file": o.GoogleKeyFile = Value(); break;
                case "--google-project": o.GoogleProject = Value(); break;
                case "--google-location": o.GoogleLocation = Value(); break;
                case "--kits": o.Kits = Int(name, Value(), 0, 10_000); break;
                case "--event-interval": o.EventInterval = Duration(name, Value()); break;
                case "--event-history": o.EventHistory = Duration(name, Value()); break;
                case "--history-size": o.HistorySize = Int(name, Value(), 1, 1_000_000); break;
                case "--connector-disable-after": o.ConnectorDisableAfter = Int(name, Value(), 1, 1_000_000); break;
                default: throw new ArgumentException($"Unknown option '{name}'.");
            }
        }

        return o;
    }

    private static TimeSpan Duration(string option, string text) =>
        Events.EventTime.ParseDuration(text) is { } d && d <= TimeSpan.FromDays(30)
            ? d
            : throw new ArgumentException($"{option} must be a duration such as 500ms, 10s, 15m or 24h (at most 30 days), not '{text}'.");

    private static int Int(string option, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException($"{option} must be a whole number from {min} to {max}, not '{text}'.");
}
