"""The file to hand to spark-submit (absolute imports, so it runs as a plain script):

    spark-submit --master yarn --py-files marsad.zip \\
        "$(python -c 'import marsad.scale.submit as m; print(m.__file__)')" \\
        --input s3a://bucket/crawl/*.warc.gz --output s3a://bucket/marsad/2024-05-01
"""

from marsad.scale.spark import main

if __name__ == "__main__":
    main()
