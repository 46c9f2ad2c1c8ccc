using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace IotAdmin.Commands.Completion
{
    /// <summary>Completion from a fixed list (device types, roles): the values that start with what was typed, quotes ignored.</summary>
    internal static class FixedValues
    {
        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string? wordToComplete)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return values
                .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v))
                .ToList();
        }
    }
}
