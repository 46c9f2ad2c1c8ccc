using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace IotAdmin.Commands.Completion
{
    /// <summary>Completion from a fixed list of words: those starting with what was typed (quotes ignored), case-insensitive.</summary>
    internal static class ListCompletion
    {
        public static IEnumerable<CompletionResult> From(IEnumerable<string> words, string? wordToComplete)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return words
                .Where(t => t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(t => new CompletionResult(t, t, CompletionResultType.ParameterValue, t))
                .ToList();
        }
    }
}
