/* fuzz_config.c — libFuzzer harness for lup.ini loading: any bytes must give
 * a configuration or a clean error, never a crash or a leak. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>
#include "lup/config.h"

static void ignore(void *ud, const char *msg)
{
	(void)ud;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	lup_config *cfg;
	lup_err err;
	int fd = memfd_create("lup-ini", 0);

	if (fd < 0)
		return 0;
	if (write(fd, data, size) == (ssize_t)size) {
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		if (lup_config_load(path, &cfg, ignore, NULL, &err) == 0) {
			(void)lup_config_int(cfg, "programme:target");
			(void)lup_config_get(cfg, "keys", "quit");
			lup_config_free(cfg);
		}
	}
	close(fd);
	return 0;
}
