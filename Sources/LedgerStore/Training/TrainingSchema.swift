import GRDB

/// The training log (培训评估) of training mode: one row per lesson check or quiz, append-only.
enum TrainingSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v16-training-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE training_log (
                        id INTEGER PRIMARY KEY,
                        user TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('lesson', 'quiz')),
                        lesson TEXT NOT NULL,
                        date TEXT NOT NULL,
                        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
                        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
                        attempts INTEGER NOT NULL CHECK (attempts >= 1),
                        seconds INTEGER NOT NULL CHECK (seconds >= 0),
                        language TEXT NOT NULL DEFAULT 'en'
                    );
                    CREATE INDEX training_log_user ON training_log(user, date);
                    CREATE TRIGGER training_log_no_update BEFORE UPDATE ON training_log
                        BEGIN SELECT RAISE(ABORT, 'the training log is append-only'); END;
                    CREATE TRIGGER training_log_no_delete BEFORE DELETE ON training_log
                        BEGIN SELECT RAISE(ABORT, 'the training log is append-only'); END;
                    """)
        }
    }
}
