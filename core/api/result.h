// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/apierror.h>

#include <variant>

namespace AgentBay::Core {

// Operations without data return Result<Empty>.
struct Empty
{
    bool operator==(const Empty &) const = default;
};

// A value or an ApiError, plus the server request id, like the SDK's result objects
// (success, request_id, error_message, data).
template <typename T>
class Result
{
public:
    Result(T value, QString requestId = {})
        : m_data(std::move(value))
        , m_requestId(std::move(requestId))
    {
    }

    Result(ApiError error)
        : m_data(std::move(error))
    {
        m_requestId = std::get<ApiError>(m_data).requestId;
    }

    bool ok() const { return std::holds_alternative<T>(m_data); }

    const T &value() const { return std::get<T>(m_data); }

    const ApiError &error() const { return std::get<ApiError>(m_data); }

    const QString &requestId() const { return m_requestId; }

    QString errorMessage() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, ApiError> m_data;
    QString m_requestId;
};

} // namespace AgentBay::Core
