using System;
using System.Management.Automation;
using IotAdmin.Validation;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>A [TimeSpan] parameter that also takes "6h", "30m", "2d", "1h30m" (Get-IotEvent -Last 6h).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class DurationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text)) return inputData;
            if (DurationArgument.TryParse(text, out var duration)) return duration;
            throw new ArgumentTransformationMetadataException("'" + text + "' is not a duration: use 6h, 30m, 90s, 2d, 1h30m, 06:00:00 or (New-TimeSpan -Hours 6).");
        }
    }
}
