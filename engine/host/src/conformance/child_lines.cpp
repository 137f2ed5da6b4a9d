#include "child_lines.h"

namespace vstkit::host::conformance {

namespace {

// Built by append throughout: GCC 12 at -O3 warns falsely (-Wrestrict) about
// the temporaries "literal" + string makes.
void appendOneLine(std::string& line, std::string_view text) {
    for (const char c : text) {
        line.push_back((c == '\n' || c == '\r') ? ' ' : c);
    }
}

char letterOf(CheckResult::Verdict verdict) {
    switch (verdict) {
        case CheckResult::Verdict::Pass:
            return 'P';
        case CheckResult::Verdict::Skip:
            return 'S';
        case CheckResult::Verdict::Fail:
            break;
    }
    return 'F';
}

CheckResult fromLetter(char letter, std::string detail) {
    switch (letter) {
        case 'P':
            return CheckResult::pass(std::move(detail));
        case 'S':
            return CheckResult::skip(std::move(detail));
        default:
            return CheckResult::fail(std::move(detail));
    }
}

}  // namespace

std::string stepLine(std::string_view step) {
    std::string line{"@"};
    appendOneLine(line, step);
    line.push_back('\n');
    return line;
}

std::string resultLine(const CheckResult& result) {
    std::string line{"="};
    line.push_back(letterOf(result.verdict));
    appendOneLine(line, result.detail);
    line.push_back('\n');
    return line;
}

void ChildLines::take(std::string_view bytes) {
    pending_.append(bytes);
    for (auto newline = pending_.find('\n'); newline != std::string::npos;
         newline = pending_.find('\n')) {
        std::string line = pending_.substr(0, newline);
        pending_.erase(0, newline + 1);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();  // A Windows pipe in text mode.
        }
        if (line.starts_with('@')) {
            step_ = line.substr(1);
        } else if (line.size() >= 2 && line.front() == '=') {
            result_ = fromLetter(line[1], line.substr(2));
        }
    }
}

std::string ChildLines::whileStep() const {
    std::string text;
    if (!step_.empty()) {
        text.append(" while ").append(step_);
    }
    return text;
}

}  // namespace vstkit::host::conformance
