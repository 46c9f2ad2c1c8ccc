using System;
using IotAdmin.Errors;
using IotAdmin.Http;

namespace IotAdmin.Backends
{
    /// <summary>
    /// Items of a success body checked before they become models: a null entry, or one the mapper cannot read (a
    /// device without a name), is the server breaking the API's promise — an IotApiInvalidResponse naming the call,
    /// never a NullReferenceException or a device with empty ids.
    /// </summary>
    internal static class AnswerItems
    {
        /// <summary><paramref name="toModel"/> of <paramref name="dto"/>; the mapper says what is wrong by a FormatException.</summary>
        public static TModel Map<TDto, TModel>(ApiRequest request, Uri apiRoot, TDto? dto, Func<TDto, TModel> toModel, string what)
            where TDto : class
        {
            if (dto == null) throw Invalid(request, apiRoot, "(a null " + what + " in the answer)");
            try
            {
                return toModel(dto);
            }
            catch (FormatException e)
            {
                throw Invalid(request, apiRoot, "(" + e.Message + ")");
            }
        }

        /// <summary>A 200 answer that breaks the API's promise, as the error of the call that got it.</summary>
        public static IotApiException Invalid(ApiRequest request, Uri apiRoot, string problem)
        {
            var e = ErrorClassifier.InvalidResponse(request.Method.Method, request.DisplayPath(apiRoot), 200, problem, null);
            e.Target = request.Target;
            return e;
        }
    }
}
