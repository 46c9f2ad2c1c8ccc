using System;
using System.Collections;
using System.Collections.Generic;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Bulk
{
    /// <summary>Turns -Label / -Name input into checked label changes, before any request is sent.</summary>
    internal static class LabelChangeRules
    {
        public static IReadOnlyDictionary<string, string> ToAddLabels(IDictionary? labels)
        {
            if (labels == null || labels.Count == 0) throw new ArgumentException("-Label is empty: give at least one label, e.g. -Label @{ zone = 'north' }.", "Label");
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in labels)
            {
                var key = entry.Key?.ToString();
                InputRules.Require(InputRules.CheckLabelKey(key), "Label");
                string? value = null;
                if (entry.Value != null)
                {
                    value = LabelValueText.ToText(key!, entry.Value, out var problem);
                    InputRules.Require(problem, "Label");
                }

                InputRules.Require(InputRules.CheckLabelValue(key!, value), "Label");
                if (result.ContainsKey(key!)) throw new ArgumentException("-Label names '" + key + "' twice.", "Label");
                result[key!] = value!;
            }

            return result;
        }

        public static IReadOnlyList<string> ToRemoveNames(IEnumerable<string>? names)
        {
            var result = new List<string>();
            foreach (var name in names ?? Array.Empty<string>())
            {
                InputRules.Require(InputRules.CheckLabelKey(name), "Name");
                if (!result.Contains(name)) result.Add(name);
            }

            if (result.Count == 0) throw new ArgumentException("-Name is empty: give the label names to remove.", "Name");
            return result;
        }

        public static string Describe(IReadOnlyDictionary<string, string> labels) =>
            string.Join(", ", System.Linq.Enumerable.Select(labels, l => l.Key + "=" + l.Value));
    }
}
