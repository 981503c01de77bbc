// SPDX-License-Identifier: MIT
// Entry point, filled in by its issue.
int main()
{
    return 0;
}
