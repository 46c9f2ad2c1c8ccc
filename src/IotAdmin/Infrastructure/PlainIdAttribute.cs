using System;
using System.Collections;
using System.Management.Automation;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>
    /// An id parameter takes plain values (strings, numbers), never an object turned into text by its ToString().
    /// This lets Get-IotDevice take device ids from the pipeline by value (<c>'id1','id2' | Get-IotDevice</c>) while a
    /// piped project still binds only -ProjectId by property name: PowerShell's pipeline binder skips a parameter
    /// whose transformation fails with an inner PSInvalidCastException and goes on to the next way of binding
    /// (CmdletParameterBinderController.BindValueFromPipeline). On the command line the same failure is a clear
    /// binding error instead of an id like "projects/p".
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PlainIdAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = Unwrap(inputData);
            if (IsPlain(value)) return inputData;
            if (value is IEnumerable items)
            {
                foreach (var item in items)
                {
                    if (!IsPlain(Unwrap(item))) throw NotAnId(Unwrap(item));
                }

                return inputData;
            }

            throw NotAnId(value);
        }

        private static bool IsPlain(object? value) => value == null || value is string || value is IConvertible;

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static ArgumentTransformationMetadataException NotAnId(object? value)
        {
            var message = "An id is a plain string; a " + value!.GetType().Name + " is not one. Pass its id property (for example $device.DeviceId), or pipe the object itself.";
            return new ArgumentTransformationMetadataException(message, new PSInvalidCastException(message));
        }
    }
}
