using System;
using System.Collections.Generic;
using IotAdmin.Validation;

namespace IotAdmin.Operations
{
    /// <summary>The checks shared by Get-IotEvent and Watch-IotEvent, made before any request.</summary>
    internal static class EventWindow
    {
        /// <summary>The window's start: -StartTime, or now minus -Last; null for the server's default (24 h back).</summary>
        public static DateTimeOffset? Start(GetEventRequest request, DateTimeOffset now)
        {
            if (request.Last.HasValue)
            {
                if (request.Last.Value <= TimeSpan.Zero) throw new ArgumentException("-Last must be a positive time span, such as (New-TimeSpan -Hours 6).", "Last");
                if (request.StartTime.HasValue) throw new ArgumentException("Give -StartTime or -Last, not both.", "Last");
                return now - request.Last.Value;
            }

            if (request.StartTime.HasValue && request.EndTime.HasValue && request.StartTime.Value > request.EndTime.Value)
                throw new ArgumentException("-StartTime (" + request.StartTime.Value.ToString("u") + ") is after -EndTime (" + request.EndTime.Value.ToString("u") + ").", "StartTime");
            return request.StartTime;
        }

        /// <summary>Event types are plain tokens (temperature, objectPresent …); throws ArgumentException naming -EventType.</summary>
        public static IReadOnlyList<string> EventTypes(IReadOnlyList<string>? types)
        {
            foreach (var type in types ?? Array.Empty<string>()) InputRules.Require(InputRules.CheckPlainToken("EventType", type), "EventType");
            return types ?? Array.Empty<string>();
        }
    }
}
