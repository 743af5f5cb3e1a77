// libFuzzer's driver, for an entry point SwiftPM names itself (it renames an executable's `main`).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
