using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace IotAdmin.Backends
{
    /// <summary>Cloud IoT Core's device metadata limits (google-iot-core.md §1), checked before any request.</summary>
    internal static class GoogleMetadataRules
    {
        public const int MaxPairs = 500;
        public const int MaxKeyBytes = 127;
        public const int MaxValueBytes = 32 * 1024;
        public const int MaxTotalBytes = 256 * 1024 - 1;

        private static readonly Regex KeyPattern = new Regex(@"\A[a-zA-Z][a-zA-Z0-9\-_.+~%]+\z", RegexOptions.CultureInvariant);

        public static string? CheckChange(IReadOnlyDictionary<string, string> add, IReadOnlyList<string> remove)
        {
            foreach (var key in add.Keys.Concat(remove))
            {
                if (!KeyPattern.IsMatch(key)) return "Metadata key '" + key + "' is not valid for Cloud IoT Core: it must start with a letter and use letters, digits and - _ . + ~ % (at least 2 characters).";
                if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes) return "Metadata key '" + key + "' is longer than " + MaxKeyBytes + " bytes.";
            }

            foreach (var pair in add)
                if (Encoding.UTF8.GetByteCount(pair.Value) > MaxValueBytes) return "The value of metadata '" + pair.Key + "' is larger than 32 KB.";
            return add.Count > MaxPairs ? "A device holds at most " + MaxPairs + " metadata pairs." : null;
        }

        /// <summary>The limits that depend on the device's existing metadata.</summary>
        public static string? CheckResult(IReadOnlyDictionary<string, string> metadata)
        {
            if (metadata.Count > MaxPairs) return "The device would hold " + metadata.Count + " metadata pairs; at most " + MaxPairs + ".";
            var total = metadata.Sum(p => Encoding.UTF8.GetByteCount(p.Key) + Encoding.UTF8.GetByteCount(p.Value));
            return total > MaxTotalBytes ? "The device's metadata would be " + total + " bytes; at most 256 KB in all." : null;
        }
    }
}
