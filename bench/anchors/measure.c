/* measure: runs one program and reports its wall time and peak memory.
 *
 *     measure OUT PROGRAM [ARGS...]
 *
 * Starts PROGRAM with posix_spawn (standard output and error into the file OUT), waits for it with
 * wait4 and prints one line: "<wall ns> <peak RSS KiB> <exit status> <CPU µs, user + system>". The
 * peak RSS is the child's
 * ru_maxrss; a spawned child's figure starts from its parent's resident size, which for this small
 * program is about 1 MiB, the same for every program measured. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: measure OUT PROGRAM [ARGS...]\n");
        return 64;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid;
    int spawned = posix_spawnp(&pid, argv[2], &actions, NULL, argv + 2, environ);
    if (spawned != 0) {
        fprintf(stderr, "measure: cannot start %s (error %d)\n", argv[2], spawned);
        return 127;
    }
    int status = 0;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0) {}
    clock_gettime(CLOCK_MONOTONIC, &end);
    long long ns = (long long)(end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    long long cpu = (long long)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL
        + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
    printf("%lld %ld %d %lld\n", ns, usage.ru_maxrss, code, cpu);
    return 0;
}
