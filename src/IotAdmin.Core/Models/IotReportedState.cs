using System;
using System.Collections.Generic;

namespace IotAdmin.Models
{
    /// <summary>
    /// The latest data of each event type a device reported (dt-api.md §2 "reported"). Known events are typed;
    /// <see cref="EventTypes"/> lists every key the server sent, including ones this version does not know.
    /// </summary>
    public sealed class IotReportedState
    {
        public IReadOnlyList<string> EventTypes { get; internal set; } = Array.Empty<string>();

        public IotNetworkStatus? NetworkStatus { get; internal set; }

        public IotBatteryStatus? BatteryStatus { get; internal set; }

        /// <summary>Temperature in °C (temperature sensors).</summary>
        public IotValueEvent? Temperature { get; internal set; }

        public IotHumidityEvent? Humidity { get; internal set; }

        public IotValueEvent? Co2 { get; internal set; }

        public IotValueEvent? Pressure { get; internal set; }

        public IotStateEvent? Touch { get; internal set; }

        public IotStateEvent? ObjectPresent { get; internal set; }

        public IotStateEvent? WaterPresent { get; internal set; }

        public IotStateEvent? Motion { get; internal set; }

        public IotStateEvent? DeskOccupancy { get; internal set; }

        public IotStateEvent? Contact { get; internal set; }

        public IotValueEvent? ObjectPresentCount { get; internal set; }

        public IotValueEvent? TouchCount { get; internal set; }

        /// <summary>Cloud connectors: ETHERNET or CELLULAR, and what is available.</summary>
        public IotConnectionStatus? ConnectionStatus { get; internal set; }

        /// <summary>The latest updateTime of any event.</summary>
        public DateTimeOffset? LastUpdateTime { get; internal set; }

        /// <summary>The events as the DT API sent them (every field, typed here or not), for Export-IotFleet; null from other APIs.</summary>
        internal IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Wire { get; set; }

        public override string ToString() => string.Join(",", EventTypes);
    }

    /// <summary>An event with a state ("PRESENT", "MOTION_DETECTED", …) or just a time (touch).</summary>
    public sealed class IotStateEvent
    {
        public string? State { get; internal set; }

        public DateTimeOffset? UpdateTime { get; internal set; }

        public override string ToString() => State ?? UpdateTime?.ToString("u") ?? string.Empty;
    }

    /// <summary>An event with one number: temperature value, co2 ppm, pressure pascal, a counter's total.</summary>
    public sealed class IotValueEvent
    {
        public double? Value { get; internal set; }

        public DateTimeOffset? UpdateTime { get; internal set; }

        public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    public sealed class IotHumidityEvent
    {
        public double? Temperature { get; internal set; }

        public double? RelativeHumidity { get; internal set; }

        public DateTimeOffset? UpdateTime { get; internal set; }

        public override string ToString() => RelativeHumidity?.ToString(System.Globalization.CultureInfo.InvariantCulture) + " %RH";
    }

    public sealed class IotNetworkStatus
    {
        public int? SignalStrength { get; internal set; }

        public int? Rssi { get; internal set; }

        public string? TransmissionMode { get; internal set; }

        public IReadOnlyList<string> CloudConnectorIds { get; internal set; } = Array.Empty<string>();

        public DateTimeOffset? UpdateTime { get; internal set; }

        public override string ToString() => SignalStrength + " %";
    }

    public sealed class IotBatteryStatus
    {
        public int? Percentage { get; internal set; }

        public DateTimeOffset? UpdateTime { get; internal set; }

        public override string ToString() => Percentage + " %";
    }

    public sealed class IotConnectionStatus
    {
        public string? Connection { get; internal set; }

        public IReadOnlyList<string> Available { get; internal set; } = Array.Empty<string>();

        public DateTimeOffset? UpdateTime { get; internal set; }

        public override string ToString() => Connection ?? string.Empty;
    }
}
