using System;
using System.Collections;
using System.Management.Automation;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>
    /// A -Label hashtable reaches Core with its keys and values unwrapped from PSObject, so Core's one label-value rule
    /// (Validation/LabelValueText) judges the base object: a string that went through the pipeline is still a string,
    /// and a [pscustomobject] is an object (refused), never its ToString().
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class LabelValuesAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (!(Unwrap(inputData) is IDictionary labels)) return inputData;
            var result = new Hashtable(labels.Count);
            foreach (DictionaryEntry entry in labels) result[Unwrap(entry.Key) ?? string.Empty] = Unwrap(entry.Value);
            return result;
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
